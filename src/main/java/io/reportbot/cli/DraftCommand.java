package io.reportbot.cli;

import io.reportbot.authoring.Drafter;
import io.reportbot.core.Language;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reportbot draft SOURCE.txt OUT_DIR}: drafts a report folder from a text, with TODOs for a person. */
@Command(name = "draft", mixinStandardHelpOptions = true,
        description = {"Draft a report folder from a source text (UTF-8, German or English, one paragraph a line): "
                + "a fact and a topic per sentence with figures, their qualifier, unit and scale, intent files with a "
                + "few questions. What it can't decide is marked TODO; 'check OUT_DIR' fails until every TODO is resolved."})
public final class DraftCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE.txt", description = "The report's text.")
    Path source;

    @Parameters(index = "1", paramLabel = "OUT_DIR", description = "The folder to write (must not hold a report.json).")
    Path out;

    @Option(names = "--lang", paramLabel = "de|en", description = "The text's language (default: guessed).")
    String lang;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(source)) {
            err.println("draft: " + source + " is not a file");
            return 2;
        }
        if (Files.exists(out.resolve("report.json"))) {
            err.println("draft: " + out + " already holds a report.json; give an empty or new folder");
            return 2;
        }
        String text;
        try {
            text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            err.println("draft: " + source + " is not UTF-8 text");
            return 2;
        } catch (IOException e) {
            err.println("draft: " + source + " cannot be read: " + e.getMessage());
            return 2;
        }
        Language language;
        if (lang == null) {
            language = Drafter.guessLanguage(text);
        } else {
            var l = Language.fromCode(lang);
            if (l.isEmpty()) {
                err.println("draft: --lang must be de or en, not \"" + lang + "\"");
                return 2;
            }
            language = l.get();
        }
        try {
            Drafter.Draft d = Drafter.draft(text, language, out);
            o.printf(Locale.ROOT, "draft: %d sentences (%s), %d with figures, %d figures -> %s%n", d.sentences(),
                    language.code(), d.factSentences(), d.figures().size(), out);
            o.println("next: resolve every TODO, then 'reportbot check " + out + "'");
            o.flush();
            return 0;
        } catch (IOException e) {
            err.println("draft: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
    }
}
