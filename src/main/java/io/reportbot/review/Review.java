package io.reportbot.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.nlp.TextNormalizer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Groups the questions of the unanswered-questions log by similarity (character trigrams of the normalised
 * text, Jaccard ≥ {@value #SIMILARITY}), so that a maintainer sees what people keep asking and which intent
 * each group came closest to (the best-scored intent other than out_of_scope: the one it would be added to).
 * A broken line is skipped and counted, never fatal.
 */
public final class Review {

    static final double SIMILARITY = 0.4;

    /** One logged question. */
    public record Entry(String text, String language, String nearestIntent, double nearestScore) {
    }

    /**
     * Questions that look alike.
     *
     * @param count         how many
     * @param examples      up to five distinct texts
     * @param nearestIntent the intent they most often came closest to
     * @param meanScore     the mean score of that intent
     */
    public record Group(int count, List<String> examples, String nearestIntent, double meanScore) {
    }

    /**
     * The log's entries and the lines that could not be read (not UTF-8, not JSON, or over
     * {@value #MAX_LINE_BYTES} bytes).
     *
     * @param brokenAt the numbers of the first {@value #BROKEN_LINES_KEPT} unreadable lines, from 1
     */
    public record Log(List<Entry> entries, int brokenLines, List<Long> brokenAt) {
        public Log {
            entries = List.copyOf(entries);
            brokenAt = List.copyOf(brokenAt);
        }

        public Log(List<Entry> entries, int brokenLines) {
            this(entries, brokenLines, List.of());
        }
    }

    static final int MAX_LINE_BYTES = 1 << 20;
    static final int BROKEN_LINES_KEPT = 10;

    private Review() {
    }

    /**
     * Reads the log line by line as bytes, so that one malformed byte or a broken line costs that line only: it
     * is skipped and counted, and the rest is read.
     */
    public static Log read(Path file) throws IOException {
        ObjectMapper m = new ObjectMapper();
        List<Entry> entries = new ArrayList<>();
        List<Long> brokenAt = new ArrayList<>();
        int broken = 0;
        long number = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean tooLong = false;
            boolean more = true;
            while (more) {
                int b = in.read();
                more = b >= 0;
                if (more && b != '\n') {
                    if (line.size() < MAX_LINE_BYTES) {
                        line.write(b);
                    } else {
                        tooLong = true;
                    }
                    continue;
                }
                if (!more && line.size() == 0 && !tooLong) {
                    break;
                }
                number++;
                Optional<Entry> entry = tooLong ? Optional.empty() : entry(m, line.toByteArray());
                if (entry == null) {
                    // blank line: nothing to read, nothing lost
                } else if (entry.isPresent()) {
                    entries.add(entry.get());
                } else {
                    broken++;
                    if (brokenAt.size() < BROKEN_LINES_KEPT) {
                        brokenAt.add(number);
                    }
                }
                line.reset();
                tooLong = false;
            }
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "the unanswered-questions log does not exist (yet)");
        }
        return new Log(entries, broken, brokenAt);
    }

    /** The entry on a line; empty when it can't be read; null for a blank line. */
    private static Optional<Entry> entry(ObjectMapper m, byte[] bytes) {
        String line;
        try {
            line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode n = m.readTree(line);
            if (n == null || !n.isObject() || !n.path("text").isTextual()) {
                return Optional.empty();
            }
            JsonNode top = n.path("top").path(0);
            for (JsonNode t : n.path("top")) {
                if (!"out_of_scope".equals(t.path("intent").asText())) {
                    top = t;
                    break;
                }
            }
            return Optional.of(new Entry(n.path("text").asText(""), n.path("language").asText(""),
                    top.path("intent").asText("?"), top.path("score").asDouble(0)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Groups of similar questions, the largest first. */
    public static List<Group> group(List<Entry> entries) {
        List<List<Entry>> members = cluster(entries, Entry::text);
        List<Group> groups = new ArrayList<>();
        for (List<Entry> g : members) {
            Map<String, Integer> votes = new HashMap<>();
            Map<String, Double> scores = new HashMap<>();
            g.forEach(e -> {
                votes.merge(e.nearestIntent(), 1, Integer::sum);
                scores.merge(e.nearestIntent(), e.nearestScore(), Double::sum);
            });
            String nearest = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            Set<String> examples = new LinkedHashSet<>();
            g.forEach(e -> {
                if (examples.size() < 5) {
                    examples.add(e.text());
                }
            });
            groups.add(new Group(g.size(), List.copyOf(examples), nearest, scores.get(nearest) / votes.get(nearest)));
        }
        groups.sort(Comparator.comparingInt(Group::count).reversed());
        return groups;
    }

    /**
     * Puts items whose texts look alike (character trigrams of the normalised text, Jaccard ≥ {@value #SIMILARITY})
     * into one list each, in the order they first appear; every item lands in exactly one list.
     */
    public static <T> List<List<T>> cluster(List<T> items, java.util.function.Function<T, String> text) {
        List<Set<String>> reps = new ArrayList<>();
        List<List<T>> members = new ArrayList<>();
        for (T item : items) {
            Set<String> grams = trigrams(text.apply(item));
            int best = -1;
            double bestSim = SIMILARITY;
            for (int i = 0; i < reps.size(); i++) {
                double sim = jaccard(grams, reps.get(i));
                if (sim >= bestSim) {
                    bestSim = sim;
                    best = i;
                }
            }
            if (best < 0) {
                reps.add(grams);
                members.add(new ArrayList<>(List.of(item)));
            } else {
                members.get(best).add(item);
            }
        }
        return members;
    }

    static Set<String> trigrams(String text) {
        String n = " " + TextNormalizer.normalize(text) + " ";
        Set<String> s = new HashSet<>();
        for (int i = 0; i + 3 <= n.length(); i++) {
            s.add(n.substring(i, i + 3));
        }
        return s;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int inter = 0;
        for (String x : a) {
            if (b.contains(x)) {
                inter++;
            }
        }
        return (double) inter / (a.size() + b.size() - inter);
    }
}
