package io.reportbot.cli;

import io.reportbot.engine.Engine;
import io.reportbot.engine.EngineSettings;
import io.reportbot.core.Language;
import io.reportbot.review.IntentFileEditor;
import io.reportbot.review.Review;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Shows what people asked that reportbot did not answer, grouped, and turns a question into a training example. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Group the unanswered-questions log by similarity, with each group's count and nearest intent.",
                "With --add INTENT \"question\", add the question to that intent's examples in the intents folder."})
public final class ReviewCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Option(names = "--log", paramLabel = "FILE",
            description = "The unanswered-questions log (default: --unanswered-log, REPORTBOT_UNANSWERED_LOG, or unanswered.jsonl).")
    Path logFile;

    @Option(names = "--add", paramLabel = "INTENT", description = "Add the QUESTION to this intent's examples.")
    String addTo;

    @Option(names = "--lang", paramLabel = "de|en", description = "The question's language (default: guessed).")
    String lang;

    @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "With --add: the question.")
    String[] words;

    @Option(names = "--export", paramLabel = "FILE",
            description = "Write the question store's kept questions to FILE in the unanswered-log format (\"-\": stdout).")
    Path exportTo;

    @Option(names = "--import", paramLabel = "FILE",
            description = "Read an unanswered-questions log into the question store (lines already there are skipped).")
    Path importFrom;

    @Option(names = "--store", paramLabel = "JDBC_URL",
            description = "The question store (default: REPORTBOT_STORE_JDBC_URL, or " + Maintenance.DEFAULT_URL + ").")
    String storeUrl;

    @Option(names = "--top", paramLabel = "N", description = "Show at most N groups (default: ${DEFAULT-VALUE}).")
    int top = 30;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OptionChecks.atLeast("--top", top, 1);
        EngineSettings settings = engineOptions.settings();
        if (exportTo != null || importFrom != null) {
            return StoreExchange.run(storeUrl, exportTo, importFrom, settings, out, err);
        }
        if (addTo != null) {
            if (words == null || words.length == 0) {
                err.println(CliText.get("review.needs_question"));
                return 2;
            }
            String question = String.join(" ", words);
            Path dir = settings.intentsDir()
                    .or(() -> settings.reportFile().filter(java.nio.file.Files::isDirectory).map(p -> p.resolve("intents")))
                    .orElse(Path.of("intents"));
            Optional<Language> language = Language.fromCode(lang);
            if (lang != null && language.isEmpty()) {
                err.println(CliText.get("review.lang"));
                return 2;
            }
            Language l = language.orElseGet(() -> {
                Engine e = Engine.create(settings.withOverrides(null, dir));
                return e.detectLanguage(question, Optional.empty());
            });
            IntentFileEditor.Result r = IntentFileEditor.add(dir, addTo, l, question);
            out.println(r == IntentFileEditor.Result.ADDED
                    ? CliText.get("review.added", dir.resolve(addTo + ".json"), l.code())
                    : CliText.get("review.already", addTo));
            return 0;
        }
        Path file = logFile != null ? logFile : settings.unansweredLog().orElse(Path.of("unanswered.jsonl"));
        if (Files.exists(file)) {
            OptionChecks.readableFile("--log", file);
        }
        Review.Log log;
        try {
            log = Review.read(file);
        } catch (NoSuchFileException e) {
            err.println(CliText.get("review.no_log", file));
            return 2;
        }
        if (log.brokenLines() > 0) {
            String at = log.brokenAt().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + (log.brokenLines() > log.brokenAt().size() ? ", …" : "");
            err.println(CliText.get("review.skipped_warning", String.valueOf(log.brokenLines()), file, at));
        }
        List<Review.Group> groups = Review.group(log.entries());
        out.println(CliText.get("review.summary", String.valueOf(log.entries().size()), String.valueOf(groups.size()), file,
                log.brokenLines() > 0 ? CliText.get("review.summary.skipped", String.valueOf(log.brokenLines())) : ""));
        for (Review.Group g : groups.subList(0, Math.min(top, groups.size()))) {
            out.println();
            out.println(CliText.get("review.group", String.format(Locale.ROOT, "%4d", g.count()), g.nearestIntent(),
                    String.format(Locale.ROOT, "%.2f", g.meanScore())));
            g.examples().forEach(x -> out.println("       " + x.replace('\n', ' ')));
        }
        if (!groups.isEmpty()) {
            out.println();
            out.println(CliText.get("review.hint"));
        }
        return 0;
    }
}
