package io.reportbot.cli;

import io.reportbot.core.Language;
import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import io.reportbot.engine.Reply;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Answers one question given on the command line, or one per line of standard input as JSON lines: exactly
 * one output line per input line (a reply, or an error object for a line that can't be answered), UTF-8 in
 * and out, and it stops as soon as standard output is closed.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Answer a question and exit.",
                "With --jsonl, read one question per line from standard input and write one JSON object per line.",
                "A line may also be a JSON object {\"conversation\": \"c1\", \"text\": \"...\"}."})
public final class AskCommand implements Callable<Integer> {

    /** Lines longer than this (in chars) are not answered; far above what the engine answers (1,000). */
    static final int MAX_LINE_CHARS = 100_000;

    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "The question (several words are joined).")
    String[] words;

    @Option(names = "--jsonl", description = "Read questions from standard input, write JSON lines.")
    boolean jsonl;

    @Option(names = "--lang", paramLabel = "de|en", description = "The language to assume when the question can't tell.")
    String lang;

    @Option(names = "--debug", description = "Also show language, intent, confidence and the top intents.")
    boolean debug;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Language> hint = Language.fromCode(lang);
        if (lang != null && hint.isEmpty()) {
            err.println(CliText.get("ask.lang", lang));
            return 2;
        }
        if (!jsonl && (words == null || words.length == 0)) {
            err.println(CliText.get("ask.no_question"));
            return 2;
        }
        Engine engine = engineOptions.build();
        if (!jsonl) {
            Reply reply = engine.answer(new Inbound(String.join(" ", words), "ask", "console", hint));
            out.println(Render.text(reply, debug));
            return out.checkError() ? 1 : 0;
        }
        BoundedLineReader in = BoundedLineReader.utf8(System.in, MAX_LINE_CHARS);
        for (BoundedLineReader.Line line = in.next(); line != null; line = in.next()) {
            out.println(answer(engine, line, hint, err));
            if (out.checkError()) { // checkError flushes: one line out per line in, as it happens
                err.println(CliText.get("ask.stdout_closed", String.valueOf(line.number())));
                return 1;
            }
        }
        return 0;
    }

    private static String answer(Engine engine, BoundedLineReader.Line line, Optional<Language> hint, PrintWriter err) {
        if (line.tooLong()) {
            String message = CliText.get("ask.line_too_long", String.format(Locale.ROOT, "%,d", line.length()), String.format(Locale.ROOT, "%,d", MAX_LINE_CHARS));
            err.println(CliText.get("ask.line_skipped", String.valueOf(line.number()), message));
            return ReplyJson.error(line.number(), "line_too_long", message);
        }
        JsonlInput.Parsed parsed = JsonlInput.parse(line.text());
        if (parsed instanceof JsonlInput.Malformed m) {
            err.println(CliText.get("ask.line_skipped", String.valueOf(line.number()), m.reason()));
            return ReplyJson.error(line.number(), "malformed_json", m.reason());
        }
        JsonlInput.Question q = (JsonlInput.Question) parsed;
        String id = q.conversation() != null ? "jsonl:" + q.conversation() : "jsonl-line-" + line.number();
        Reply reply = engine.answer(new Inbound(q.text(), id, "console", hint));
        return ReplyJson.line(q.text(), q.conversation(), reply);
    }
}
