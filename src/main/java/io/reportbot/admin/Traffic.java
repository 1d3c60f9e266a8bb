package io.reportbot.admin;

import io.reportbot.store.QuestionStore;
import io.reportbot.store.TrafficRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Traffic part's data: for a range (24 h, 7 d, 30 d), questions per bucket by platform and by language, and the
 * fallback rate per bucket by platform, as aligned series ready for uPlot (x in epoch seconds). Stateless.
 */
public final class Traffic {

    /** The ranges offered and their bucket sizes. */
    public enum Range {
        DAY("24h", Duration.ofHours(24), Duration.ofHours(1)),
        WEEK("7d", Duration.ofDays(7), Duration.ofHours(6)),
        MONTH("30d", Duration.ofDays(30), Duration.ofDays(1));

        final String code;
        final Duration length;
        final Duration bucket;

        Range(String code, Duration length, Duration bucket) {
            this.code = code;
            this.length = length;
            this.bucket = bucket;
        }

        /** The range with this code ("24h", "7d", "30d"); 24 h for anything else. */
        public static Range of(String code) {
            for (Range r : values()) {
                if (r.code.equals(code)) {
                    return r;
                }
            }
            return DAY;
        }
    }

    /**
     * Series over the same x values.
     *
     * @param x            bucket starts, epoch seconds
     * @param byPlatform   questions per bucket, per platform
     * @param byLanguage   questions per bucket, per language
     * @param fallbackRate fallbacks / questions per bucket (null where there were none), per platform and "all"
     * @param questions    questions in the range
     * @param fallbacks    fallbacks in the range
     */
    public record Chart(List<Long> x, Map<String, List<Long>> byPlatform, Map<String, List<Long>> byLanguage,
                        Map<String, List<Double>> fallbackRate, long questions, long fallbacks) {
    }

    private Traffic() {
    }

    /** The chart data for a range ending now. */
    public static Chart chart(QuestionStore store, Range range, Instant now) {
        long b = range.bucket.toMillis();
        long end = (now.toEpochMilli() / b + 1) * b;
        long start = end - range.length.toMillis();
        List<TrafficRow> rows = store.traffic(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), range.bucket);
        int n = (int) ((end - start) / b);
        List<Long> x = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            x.add((start + i * b) / 1000);
        }
        Map<String, long[]> platform = new TreeMap<>();
        Map<String, long[]> platformFallbacks = new TreeMap<>();
        Map<String, long[]> language = new TreeMap<>();
        long[] all = new long[n];
        long[] allFallbacks = new long[n];
        long questions = 0;
        long fallbacks = 0;
        for (TrafficRow r : rows) {
            int i = (int) ((r.bucketStart() - start) / b);
            if (i < 0 || i >= n) {
                continue;
            }
            platform.computeIfAbsent(r.platform(), k -> new long[n])[i] += r.questions();
            platformFallbacks.computeIfAbsent(r.platform(), k -> new long[n])[i] += r.fallbacks();
            language.computeIfAbsent(r.language(), k -> new long[n])[i] += r.questions();
            all[i] += r.questions();
            allFallbacks[i] += r.fallbacks();
            questions += r.questions();
            fallbacks += r.fallbacks();
        }
        Map<String, List<Double>> rate = new TreeMap<>();
        rate.put("all", rates(all, allFallbacks));
        platform.forEach((p, q) -> rate.put(p, rates(q, platformFallbacks.get(p))));
        return new Chart(x, lists(platform), lists(language), rate, questions, fallbacks);
    }

    private static List<Double> rates(long[] q, long[] f) {
        List<Double> out = new ArrayList<>(q.length);
        for (int i = 0; i < q.length; i++) {
            out.add(q[i] == 0 ? null : Math.round(1000.0 * f[i] / q[i]) / 1000.0);
        }
        return out;
    }

    private static Map<String, List<Long>> lists(Map<String, long[]> m) {
        Map<String, List<Long>> out = new TreeMap<>();
        m.forEach((k, v) -> {
            List<Long> l = new ArrayList<>(v.length);
            for (long x : v) {
                l.add(x);
            }
            out.put(k, l);
        });
        return out;
    }
}
