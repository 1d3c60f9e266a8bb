package io.reportbot.authoring;

import io.reportbot.core.EngineLoadException;
import io.reportbot.core.Language;
import io.reportbot.eval.CrossValidator;
import io.reportbot.nlp.Intent;
import io.reportbot.nlp.IntentClassifier;
import io.reportbot.report.Computed;
import io.reportbot.report.Fact;
import io.reportbot.report.Report;
import io.reportbot.report.Topic;
import io.reportbot.report.Value;
import io.reportbot.reportfolder.FolderLint;
import io.reportbot.reportfolder.ReportFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lints a report folder before it goes live: every figure of a fact is written in its source sentence and every
 * source sentence is in {@code source.txt}; every topic has an intent with enough examples per language and
 * words in {@code lexicon.json}; no uncovered term names a topic and no out_of_scope example uses a topic's
 * words ({@link FolderLint}); computed values are well defined; no {@code TODO} is left; and a cross-validation
 * names the intent pairs the classifier confuses. Stateless and thread-safe.
 */
public final class ReportCheck {

    /** Examples each topic intent needs per language. */
    public static final int MIN_EXAMPLES = 20;
    /** A pair whose confusion rate reaches this is a problem; lower rates are listed as notes. */
    public static final double MAX_CONFUSION = 0.25;
    /** Pairs below this rate are not listed at all. */
    public static final double NOTE_CONFUSION = 0.10;
    private static final int FOLDS = 5;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\d„“\"$])");

    /**
     * What check found.
     *
     * @param problems one line each; any makes {@code check} fail
     * @param notes    what is worth a look but not wrong (confusable pairs below {@link #MAX_CONFUSION})
     */
    public record Result(List<String> problems, List<String> notes) {
        public Result {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }
    }

    private ReportCheck() {
    }

    /**
     * Checks a loaded folder.
     *
     * @param files the folder's files to search for {@code TODO} (report.json, lexicon.json, intents), may be empty
     * @param crossValidate whether to run the cross-validation (a few seconds)
     */
    public static Result check(ReportFolder folder, List<Path> files, boolean crossValidate) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Report r = folder.report();
        todos(files, problems);
        figures(r, problems);
        sources(r, folder.sourceText(), problems);
        topics(folder, problems);
        problems.addAll(FolderLint.loadWarnings(folder));
        computed(r, problems);
        if (crossValidate) {
            confusion(folder.intents(), problems, notes);
        }
        return new Result(problems, notes);
    }

    /** The files of a folder on disk that {@code check} searches for {@code TODO}. */
    public static List<Path> files(Path dir) {
        List<Path> files = new ArrayList<>();
        for (String name : List.of("report.json", "lexicon.json")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                files.add(dir.resolve(name));
            }
        }
        if (Files.isDirectory(dir.resolve("intents"))) {
            try (Stream<Path> s = Files.list(dir.resolve("intents"))) {
                s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new EngineLoadException(dir.resolve("intents") + " cannot be read: " + e.getMessage(), e);
            }
        }
        return files;
    }

    private static void todos(List<Path> files, List<String> problems) {
        for (Path f : files) {
            try {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains("TODO")) {
                        problems.add(f + ":" + (i + 1) + ": unresolved TODO: " + lines.get(i).strip());
                    }
                }
            } catch (IOException e) {
                problems.add(f + ": cannot be read: " + e.getMessage());
            }
        }
    }

    /** Every figure a fact gives is written in its source sentence(s). */
    static void figures(Report r, List<String> problems) {
        for (Fact f : r.facts()) {
            List<Figures.Written> written = Figures.in(f.source(), r.sourceLanguage(), true);
            f.values().forEach((key, v) -> {
                List<double[]> expected = new ArrayList<>();
                expected.add(new double[] {v.amount(), io.reportbot.answer.NumberFormatter.mantissa(v.amount())});
                if (v.eur() != null) {
                    expected.add(new double[] {v.eur(), io.reportbot.answer.NumberFormatter.mantissa(v.eur())});
                }
                if (v.yoy() != null) {
                    expected.add(new double[] {Math.abs(v.yoy().percent())});
                }
                if (v.share() != null) {
                    expected.add(new double[] {v.share().percent()});
                }
                for (double[] forms : expected) {
                    boolean found = written.stream().anyMatch(w -> {
                        for (double x : forms) {
                            if (Figures.same(w.value(), Math.abs(x))) {
                                return true;
                            }
                        }
                        return false;
                    });
                    if (!found) {
                        problems.add("fact \"" + f.id() + "\": value \"" + key + "\" gives " + format(forms[forms.length - 1])
                                + ", which its source sentence does not write");
                    }
                }
            });
        }
    }

    /** Every sentence a fact quotes is in source.txt, word for word (spacing aside). */
    static void sources(Report r, Optional<String> sourceText, List<String> problems) {
        if (sourceText.isEmpty()) {
            problems.add("the folder has no source.txt, so the facts' sentences cannot be checked against it");
            return;
        }
        String text = squash(sourceText.get());
        for (Fact f : r.facts()) {
            for (String sentence : SENTENCE_END.split(f.source().strip())) {
                if (!text.contains(squash(sentence))) {
                    problems.add("fact \"" + f.id() + "\": its source sentence is not in source.txt: \""
                            + abbreviate(sentence) + "\"");
                }
            }
        }
    }

    private static void topics(ReportFolder folder, List<String> problems) {
        Map<String, Intent> intents = new LinkedHashMap<>();
        folder.intents().forEach(i -> intents.put(i.name(), i));
        for (Topic t : folder.report().topics()) {
            Intent i = intents.get(t.id());
            if (i == null || i.kind() != Intent.Kind.TOPIC) {
                problems.add("topic \"" + t.id() + "\" has no topic intent (intents/" + t.id() + ".json)");
            } else {
                for (Language l : Language.values()) {
                    int n = i.examples(l).size();
                    if (n < MIN_EXAMPLES) {
                        problems.add("topic \"" + t.id() + "\" has " + n + " " + l.code() + " examples; it needs at least "
                                + MIN_EXAMPLES);
                    }
                }
            }
            if (folder.lexicon().topicWords().getOrDefault(t.id(), List.of()).isEmpty()) {
                problems.add("topic \"" + t.id() + "\" has no topicWords in lexicon.json (the words that name it)");
            }
        }
        if (folder.intents().stream().noneMatch(i -> i.kind() == Intent.Kind.OUT_OF_SCOPE)) {
            problems.add("there is no out_of_scope intent: questions off the report would be answered with a topic");
        }
    }

    /** Growth of -100 % or less and shares of 0 or over 100 % make computed figures meaningless. */
    static void computed(Report r, List<String> problems) {
        for (Fact f : r.facts()) {
            f.values().forEach((key, v) -> {
                String at = "fact \"" + f.id() + "\": value \"" + key + "\"";
                if (v.yoy() != null && v.yoy().percent() <= -100) {
                    problems.add(at + " has growth " + format(v.yoy().percent()) + " %: no previous year can be computed");
                }
                if (v.share() != null && (v.share().percent() <= 0 || v.share().percent() > 100)) {
                    problems.add(at + " has share " + format(v.share().percent()) + " %: it must be over 0 and at most 100");
                }
                if (v.amount() < 0 && v.unit() != null && !"percent".equals(v.unit()) && !"points".equals(v.unit())) {
                    problems.add(at + " is negative: write a fall as a positive figure with its own wording");
                }
            });
            for (Computed c : f.computed()) {
                Value d = f.values().get(c.denominator());
                if (d != null && d.amount() == 0) {
                    problems.add("fact \"" + f.id() + "\": computed " + c.kind() + " divides by \"" + c.denominator()
                            + "\", which is 0");
                }
            }
        }
    }

    /** k-fold cross-validation over the intents' examples, counting which intent each held-out example went to. */
    static void confusion(List<Intent> intents, List<String> problems, List<String> notes) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (CrossValidator.Prediction p : CrossValidator.predictions(intents, FOLDS, IntentClassifier.Settings.defaults())) {
            totals.merge(p.expected(), 1, Integer::sum);
            if (!p.right()) {
                counts.computeIfAbsent(p.expected(), k -> new LinkedHashMap<>()).merge(p.got(), 1, Integer::sum);
            }
        }
        counts.forEach((from, to) -> to.forEach((into, n) -> {
            double rate = (double) n / totals.get(from);
            String line = String.format(Locale.ROOT, "confusable intents: %.0f %% of \"%s\" examples (%d of %d) were "
                    + "taken for \"%s\" in %d-fold cross-validation", rate * 100, from, n, totals.get(from), into, FOLDS);
            if (rate >= MAX_CONFUSION) {
                problems.add(line + "; add examples that tell them apart");
            } else if (rate >= NOTE_CONFUSION) {
                notes.add(line);
            }
        }));
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
