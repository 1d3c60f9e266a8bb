package io.reportbot.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import io.reportbot.report.Fact;
import io.reportbot.report.Qualifier;
import io.reportbot.report.Report;
import io.reportbot.reportfolder.ReportFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * How many of the figures of both source texts {@code draft} finds with the right value, unit and qualifier,
 * compared with the curated datasets (the white paper's report.json; the second report's facts.md). The rates
 * are printed (the README quotes them) and held above a floor so that a regression fails the build.
 */
class DraftHitRateTest {

    /** A figure as a dataset states it, with the text of the sentence(s) it comes from. */
    record Expected(String source, double value, String unit, Qualifier qualifier) {
    }

    record Rate(int total, int value, int unit, int qualifier, int all, int found) {
        String line(String name) {
            return String.format(Locale.ROOT, "%s: %d figures; value %d (%.0f %%), +unit %d, +qualifier %d, "
                            + "all three %d (%.0f %%); %d figures drafted", name, total, value, 100.0 * value / total,
                    unit, qualifier, all, 100.0 * all / total, found);
        }
    }

    @Test
    void theWhitePapersFiguresAreFound() {
        Report r = ReportFolders.bundled().report();
        Set<Expected> expected = new LinkedHashSet<>();
        for (Fact f : r.facts()) {
            f.values().values().forEach(v -> {
                expected.add(new Expected(f.source(), v.amount(), v.unit(), v.qualifier()));
                if (v.eur() != null) {
                    expected.add(new Expected(f.source(), v.eur(), "EUR", v.qualifier()));
                }
                if (v.yoy() != null) {
                    expected.add(new Expected(f.source(), v.yoy().percent(), "percent", v.yoy().qualifier()));
                }
                if (v.share() != null) {
                    expected.add(new Expected(f.source(), v.share().percent(), "percent", v.share().qualifier()));
                }
            });
        }
        Rate rate = measure(ReportFolders.bundled().sourceText().orElseThrow(), Language.DE, List.copyOf(expected));
        System.out.println(rate.line("draft on the white paper"));
        assertThat(rate.total()).isEqualTo(23);
        assertThat(rate.all()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void theSecondReportsFiguresAreFound() throws IOException {
        Path dir = Path.of("src/test/resources/reports/ai-index-2024");
        String facts = Files.readString(dir.resolve("facts.md"));
        List<Expected> expected = new ArrayList<>();
        Matcher section = Pattern.compile("## S\\d+\\n\\n> (.*)\\n((?:.*\\n)*?)(?=## |\\z)").matcher(facts);
        Pattern row = Pattern.compile("\\| F\\d+ \\| ([\\d.]+) \\| ([^|]+) \\| (\\w+) \\| (\\w+) \\|");
        Map<String, Double> scale = Map.of("one", 1.0, "thousand", 1e3, "million", 1e6, "billion", 1e9);
        while (section.find()) {
            Matcher m = row.matcher(section.group(2));
            while (m.find()) {
                String u = m.group(2).strip();
                String unit = u.equals("USD") ? "USD" : u.equals("percent") ? "percent"
                        : u.startsWith("percentage points") ? "points" : u.startsWith("times") ? "times" : "count";
                expected.add(new Expected(section.group(1), Double.parseDouble(m.group(1)) * scale.get(m.group(3)), unit,
                        Qualifier.valueOf(m.group(4).toUpperCase(Locale.ROOT))));
            }
        }
        Rate rate = measure(Files.readString(dir.resolve("source.txt")), Language.EN, expected);
        System.out.println(rate.line("draft on the AI Index summary"));
        assertThat(rate.total()).isEqualTo(39);
        assertThat(rate.all()).isGreaterThanOrEqualTo(37);
    }

    static Rate measure(String text, Language lang, List<Expected> expected) {
        List<Drafter.SentenceFigures> drafted = Drafter.figures(text, lang);
        int value = 0;
        int unit = 0;
        int qualifier = 0;
        int all = 0;
        for (Expected e : expected) {
            List<FigureFinder.Found> candidates = drafted.stream().filter(s -> e.source().contains(s.sentence()))
                    .flatMap(s -> s.figures().stream()).filter(f -> Figures.same(f.value(), e.value())).toList();
            if (candidates.isEmpty()) {
                continue;
            }
            value++;
            boolean u = candidates.stream().anyMatch(f -> f.unit().equals(e.unit()));
            boolean q = candidates.stream().anyMatch(f -> f.qualifier() == e.qualifier());
            unit += u ? 1 : 0;
            qualifier += q ? 1 : 0;
            all += candidates.stream().anyMatch(f -> f.unit().equals(e.unit()) && f.qualifier() == e.qualifier()) ? 1 : 0;
        }
        int found = drafted.stream().mapToInt(s -> s.figures().size()).sum();
        return new Rate(expected.size(), value, unit, qualifier, all, found);
    }
}
