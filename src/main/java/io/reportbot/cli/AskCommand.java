package io.reportbot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import io.reportbot.core.Language;
import io.reportbot.engine.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Answers one question given on the command line, or one per line of standard input as JSON lines. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Answer a question and exit.",
                "With --jsonl, read one question per line from standard input and write one JSON object per line.",
                "A line may also be a JSON object {\"conversation\": \"c1\", \"text\": \"...\"}."})
public final class AskCommand implements Callable<Integer> {

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
        Optional<Language> hint = Language.fromCode(lang);
        if (lang != null && hint.isEmpty()) {
            spec.commandLine().getErr().println("ask: --lang must be de or en, not \"" + lang + "\"");
            return 2;
        }
        if (!jsonl && (words == null || words.length == 0)) {
            spec.commandLine().getErr().println("ask: give a QUESTION, or --jsonl to read questions from standard input");
            return 2;
        }
        Engine engine = engineOptions.build();
        if (!jsonl) {
            Reply reply = engine.answer(new Inbound(String.join(" ", words), "ask", "console", hint));
            out.println(Render.text(reply, debug));
            out.flush();
            return 0;
        }
        ObjectMapper mapper = new ObjectMapper();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        long n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            String text = line;
            String conversation = null;
            if (line.stripLeading().startsWith("{")) {
                try {
                    JsonNode node = mapper.readTree(line);
                    if (node != null && node.hasNonNull("text")) {
                        text = node.get("text").asText();
                        conversation = node.hasNonNull("conversation") ? node.get("conversation").asText() : null;
                    }
                } catch (IOException e) {
                    // not JSON after all: answer the line as it is
                }
            }
            String id = conversation != null ? "jsonl:" + conversation : "jsonl-line-" + n;
            Reply reply = engine.answer(new Inbound(text, id, "console", hint));
            out.println(ReplyJson.line(text, conversation, reply));
            out.flush();
        }
        return 0;
    }
}
