package io.reportbot.admin;

import io.reportbot.core.EngineLoadException;
import io.reportbot.engine.Engine;
import io.reportbot.engine.Reply;
import io.reportbot.eval.EvalResult;
import io.reportbot.eval.Evaluator;
import io.reportbot.eval.LabelledQuestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every labelled set in a folder ({@code *.jsonl} with {@code text} and {@code intent} on each line), run through an
 * engine with {@link Evaluator}: the figures per set, the full confusion matrix and which questions were handled
 * right, so that two runs can be compared question by question. Files that are not labelled intent sets (claims, for
 * instance) are skipped and named.
 *
 * <p>Immutable once loaded; thread-safe.
 */
public final class EvalSuite {

    /** One labelled set: its file name and questions. */
    public record LabelledSet(String name, List<LabelledQuestion> questions) {
    }

    /**
     * What one engine did on one set.
     *
     * @param result  the evaluator's figures
     * @param matrix  expected intent → decided intent → count, every pair that occurred
     * @param right   for each question (in file order) whether it was handled right
     */
    public record SetRun(EvalResult result, Map<String, Map<String, Integer>> matrix, List<Boolean> right) {
    }

    /** One engine over every set, and when. */
    public record Run(Instant at, Map<String, SetRun> sets) {
    }

    private final List<LabelledSet> sets;
    private final List<String> skipped;

    private EvalSuite(List<LabelledSet> sets, List<String> skipped) {
        this.sets = List.copyOf(sets);
        this.skipped = List.copyOf(skipped);
    }

    /** Reads every labelled set in {@code dir}, in name order; an empty suite when there is no folder. */
    public static EvalSuite load(Path dir) {
        List<LabelledSet> sets = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return new EvalSuite(sets, skipped);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                try {
                    List<LabelledQuestion> qs = Evaluator.read(f);
                    if (!qs.isEmpty()) {
                        sets.add(new LabelledSet(f.getFileName().toString(), qs));
                    }
                } catch (EngineLoadException e) {
                    skipped.add(f.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new EngineLoadException("cannot list the labelled sets in " + dir + ": " + e.getMessage(), e);
        }
        return new EvalSuite(sets, skipped);
    }

    public List<LabelledSet> sets() {
        return sets;
    }

    /** Files in the folder that are not labelled intent sets. */
    public List<String> skipped() {
        return skipped;
    }

    /** Runs every set through the engine (each question its own conversation). */
    public Run run(Engine engine) {
        Map<String, SetRun> out = new LinkedHashMap<>();
        for (LabelledSet set : sets) {
            List<Reply> replies = Evaluator.answer(engine, set.questions());
            EvalResult result = Evaluator.measure(set.questions(), replies);
            Map<String, Map<String, Integer>> matrix = new TreeMap<>();
            List<Boolean> right = new ArrayList<>();
            for (int i = 0; i < replies.size(); i++) {
                String expected = set.questions().get(i).intent();
                String got = Evaluator.decided(replies.get(i));
                matrix.computeIfAbsent(expected, k -> new TreeMap<>()).merge(got, 1, Integer::sum);
                right.add(expected.equals(got));
            }
            out.put(set.name(), new SetRun(result, matrix, right));
        }
        return new Run(Instant.now(), out);
    }

    /** The questions of a set that were right in {@code before} and wrong in {@code after}. */
    public List<LabelledQuestion> worse(String set, SetRun before, SetRun after) {
        LabelledSet s = sets.stream().filter(x -> x.name().equals(set)).findFirst().orElseThrow();
        List<LabelledQuestion> out = new ArrayList<>();
        for (int i = 0; i < s.questions().size() && i < before.right().size() && i < after.right().size(); i++) {
            if (before.right().get(i) && !after.right().get(i)) {
                out.add(s.questions().get(i));
            }
        }
        return out;
    }

    /** Every intent label that occurs in a matrix, sorted: the rows and columns of the heat map. */
    public static List<String> labels(Map<String, Map<String, Integer>> matrix) {
        TreeSet<String> all = new TreeSet<>(matrix.keySet());
        matrix.values().forEach(m -> all.addAll(m.keySet()));
        return List.copyOf(all);
    }
}
