package io.reportbot.cli;

import io.reportbot.engine.Engine;
import io.reportbot.engine.EngineSettings;
import io.reportbot.core.Language;
import io.reportbot.review.IntentFileEditor;
import io.reportbot.review.Review;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
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

    @Option(names = "--top", paramLabel = "N", description = "Show at most N groups (default: ${DEFAULT-VALUE}).")
    int top = 30;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EngineSettings settings = engineOptions.settings();
        if (addTo != null) {
            if (words == null || words.length == 0) {
                err.println("review: --add needs the QUESTION to add");
                return 2;
            }
            String question = String.join(" ", words);
            Path dir = settings.intentsDir()
                    .or(() -> settings.reportFile().filter(java.nio.file.Files::isDirectory).map(p -> p.resolve("intents")))
                    .orElse(Path.of("intents"));
            Optional<Language> language = Language.fromCode(lang);
            if (lang != null && language.isEmpty()) {
                err.println("review: --lang must be de or en");
                return 2;
            }
            Language l = language.orElseGet(() -> {
                Engine e = Engine.create(settings.withOverrides(null, dir));
                return e.detectLanguage(question, Optional.empty());
            });
            IntentFileEditor.Result r = IntentFileEditor.add(dir, addTo, l, question);
            out.println(r == IntentFileEditor.Result.ADDED
                    ? "added to " + dir.resolve(addTo + ".json") + " (examples." + l.code() + "); run eval to see the effect"
                    : "already an example of " + addTo + "; nothing changed");
            return 0;
        }
        Path file = logFile != null ? logFile : settings.unansweredLog().orElse(Path.of("unanswered.jsonl"));
        Review.Log log;
        try {
            log = Review.read(file);
        } catch (NoSuchFileException e) {
            err.println("review: " + file + " does not exist (yet): nothing has fallen back, or the log is elsewhere (--log)");
            return 2;
        }
        List<Review.Group> groups = Review.group(log.entries());
        out.printf(Locale.ROOT, "%d unanswered questions in %d groups (%s)%s%n", log.entries().size(), groups.size(), file,
                log.brokenLines() > 0 ? "; " + log.brokenLines() + " unreadable lines skipped" : "");
        for (Review.Group g : groups.subList(0, Math.min(top, groups.size()))) {
            out.printf(Locale.ROOT, "%n%4d × nearest intent: %s (mean score %.2f)%n", g.count(), g.nearestIntent(), g.meanScore());
            g.examples().forEach(x -> out.println("       " + x.replace('\n', ' ')));
        }
        if (!groups.isEmpty()) {
            out.printf("%nAdd one as a training example with: review --add INTENT \"question\"%n");
        }
        return 0;
    }
}
