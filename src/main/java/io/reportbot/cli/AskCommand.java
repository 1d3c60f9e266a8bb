package io.reportbot.cli;

import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import io.reportbot.engine.Reply;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Answers one question given on the command line. */
@Command(name = "ask", mixinStandardHelpOptions = true, description = "Answer one question and exit.")
public final class AskCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engineOptions;

    @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "The question.")
    String[] words;

    @Override
    public Integer call() {
        Engine engine = engineOptions.build();
        Reply reply = engine.answer(Inbound.of(words == null ? "" : String.join(" ", words), "ask", "console"));
        System.out.println(reply.text());
        return 0;
    }
}
