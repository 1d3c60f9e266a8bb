package io.reportbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.reportbot.engine.Engine;
import io.reportbot.engine.EngineFactory;
import io.reportbot.engine.EngineSettings;
import io.reportbot.engine.Reply;
import io.reportbot.eval.ConversationResult;
import io.reportbot.eval.CrossValidator;
import io.reportbot.eval.EvalResult;
import io.reportbot.eval.Evaluator;
import io.reportbot.eval.LabelledQuestion;
import io.reportbot.nlp.Intent;
import io.reportbot.nlp.IntentClassifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Measures the intent matcher on a labelled file, with k-fold cross-validation and a threshold sweep. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measure the matcher on labelled questions (JSON lines: text, intent, lang, expect).",
                "Prints accuracy, out-of-scope rejection, per-intent precision/recall/F1, confusions and every miss.",
                "Lines with \"conversation\" (and \"followup\": true for turns that lean on the last answer) are",
                "asked in order, one conversation each; first turns and follow-up turns are reported apart."})
public final class EvalCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The labelled questions (JSON lines).")
    Path file;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--threshold-sweep", description = "Show accuracy against out-of-scope rejection for a range of thresholds.")
    boolean sweep;

    @Option(names = "--cross-validate", paramLabel = "K", description = "k-fold cross-validation over the intents' own examples.")
    Integer folds;

    @Option(names = "--threshold", paramLabel = "T", description = "Confidence threshold (default: ${DEFAULT-VALUE}).")
    double threshold = EngineSettings.DEFAULT_THRESHOLD;

    @Option(names = "--iterations", paramLabel = "N", description = "Maxent training iterations (default: ${DEFAULT-VALUE}).")
    int iterations = IntentClassifier.Settings.defaults().iterations();

    @Option(names = "--cutoff", paramLabel = "N", description = "Feature cutoff (default: ${DEFAULT-VALUE}).")
    int cutoff = IntentClassifier.Settings.defaults().cutoff();

    @Option(names = "--no-char-ngrams", description = "Train without character n-gram features (to measure them).")
    boolean noCharNgrams;

    @Option(names = "--typo-correction", negatable = true,
            description = "Map unknown words to the nearest known word before classifying (default: ${DEFAULT-VALUE}).")
    boolean typoCorrection = IntentClassifier.Settings.defaults().typoCorrection();

    private IntentClassifier.Settings classifierSettings() {
        return new IntentClassifier.Settings(iterations, cutoff, !noCharNgrams, typoCorrection);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (file == null && folds == null) {
            spec.commandLine().getErr().println(CliText.get("eval.no_input"));
            return 2;
        }
        OptionChecks.between("--threshold", threshold, 0, 1);
        OptionChecks.atLeast("--iterations", iterations, 1);
        OptionChecks.atLeast("--cutoff", cutoff, 0);
        if (folds != null) {
            OptionChecks.atLeast("--cross-validate", folds, 2);
        }
        if (file != null) {
            OptionChecks.readableFile("FILE", file);
        }
        EngineSettings settings = engineOptions.settings();
        List<Intent> intents = EngineFactory.load(settings).intents();
        List<LabelledQuestion> questions = file == null ? List.of() : labelled(intents);
        Map<String, Object> jsonOut = new LinkedHashMap<>();
        if (folds != null) {
            double acc = CrossValidator.accuracy(intents, folds, classifierSettings());
            jsonOut.put("crossValidation", Map.of("folds", folds, "accuracy", acc));
            if (!json) {
                out.print(CliText.format("eval.report.cross_validation", folds, acc * 100));
            }
        }
        if (file != null) {
            Engine engine = EngineFactory.create(settings.withThreshold(sweep ? 0.0 : threshold), classifierSettings());
            List<Reply> replies = Evaluator.answer(engine, questions);
            if (sweep) {
                List<Map<String, Object>> rows = new ArrayList<>();
                if (!json) {
                    out.print(CliText.format("eval.report.sweep_header"));
                }
                for (int i = 0; i <= 18; i++) {
                    double t = i * 0.05;
                    EvalResult r = Evaluator.measure(questions, replies, t);
                    rows.add(Map.of("threshold", t, "accuracy", r.accuracy(), "inScopeAccuracy", r.inScopeAccuracy(),
                            "outOfScopeRejection", r.outOfScopeRejection()));
                    if (!json) {
                        out.print(CliText.format("eval.report.sweep_row", t, r.accuracy() * 100,
                                r.inScopeAccuracy() * 100, r.outOfScopeRejection() * 100));
                    }
                }
                jsonOut.put("thresholdSweep", rows);
            } else if (questions.stream().anyMatch(LabelledQuestion::inConversation)) {
                ConversationResult r = Evaluator.measureConversations(questions, replies);
                jsonOut.put("conversations", r);
                if (!json) {
                    print(out, r);
                }
            } else {
                EvalResult r = Evaluator.measure(questions, replies);
                jsonOut.put("result", r);
                if (!json) {
                    print(out, r);
                }
            }
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(jsonOut));
        }
        out.flush();
        return 0;
    }

    /** The labelled questions of FILE, refused when there are none or a label names what doesn't exist. */
    private List<LabelledQuestion> labelled(List<Intent> intents) {
        List<LabelledQuestion> questions = Evaluator.read(file);
        if (questions.isEmpty()) {
            throw new UsageException(CliText.get("eval.empty", file));
        }
        Set<String> known = intents.stream().map(Intent::name).collect(Collectors.toSet());
        SortedSet<String> unknown = Evaluator.unknownIntents(questions, known);
        if (!unknown.isEmpty()) {
            throw new UsageException(CliText.get("eval.unknown_intents", file, String.join(", ", unknown),
                    String.join(", ", new TreeSet<>(known))));
        }
        SortedSet<String> languages = Evaluator.unknownLanguages(questions);
        if (!languages.isEmpty()) {
            throw new UsageException(CliText.get("eval.unknown_languages", file, String.join(", ", languages)));
        }
        return questions;
    }

    static void print(PrintWriter out, ConversationResult r) {
        int first = r.firstTurns().questions();
        int follow = r.followUps().questions();
        out.printf(Locale.ROOT, "conversations: %d (%d turns: %d first turns, %d follow-up turns)%n", r.conversations(),
                first + follow, first, follow);
        out.printf(Locale.ROOT, "first turns:     intent right %5.1f %%, intent and figures right %5.1f %%%n",
                r.firstTurns().accuracy() * 100, r.firstTurnsRight() * 100);
        out.printf(Locale.ROOT, "follow-up turns: intent right %5.1f %%, intent and figures right %5.1f %%%n",
                r.followUps().accuracy() * 100, r.followUpsRight() * 100);
        out.printf(Locale.ROOT, "language accuracy: %.1f %%%n", (r.firstTurns().languageAccuracy() * first
                + r.followUps().languageAccuracy() * follow) / Math.max(1, first + follow) * 100);
        out.println();
        out.println("misses:");
        r.misses().forEach(m -> out.printf(Locale.ROOT, "  [%s %s, %s] %s  (expected %s, got %s)%n", m.conversation(),
                m.followup() ? "follow-up" : "first turn", m.reason(), m.text(), m.expected(), m.got()));
    }

    static void print(PrintWriter out, EvalResult r) {
        out.print(CliText.format("eval.report.questions", r.questions(), r.inScope(),
                r.questions() - r.inScope()));
        out.print(CliText.format("eval.report.accuracy", r.accuracy() * 100));
        out.print(CliText.format("eval.report.in_scope", r.inScopeAccuracy() * 100));
        out.print(CliText.format("eval.report.out_of_scope", r.outOfScopeRejection() * 100));
        out.print(CliText.format("eval.report.language", r.languageAccuracy() * 100));
        out.print(CliText.format("eval.report.expected", r.answerAccuracy() * 100));
        out.println();
        out.print(CliText.format("eval.report.intent_header"));
        r.perIntent().forEach((k, v) -> out.print(CliText.format("eval.report.intent_row", k, v.support(),
                v.precision(), v.recall(), v.f1())));
        out.println();
        out.print(CliText.format("eval.report.confusions"));
        r.confusions().forEach(c -> out.print(CliText.format("eval.report.confusion_row", c.count(), c.expected(), c.got())));
        out.println();
        out.print(CliText.format("eval.report.misses"));
        r.errors().forEach(m -> out.print(CliText.format("eval.report.miss_row", m.reason(),
                m.text(), m.expected(), m.got().replace('\n', ' '), m.score())));
    }
}
