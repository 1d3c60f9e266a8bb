package io.reportbot.cli;

import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The local console: type a question, get the answer. */
@Command(name = "console", mixinStandardHelpOptions = true, description = "Chat with reportbot in this terminal (the default).")
public final class ConsoleCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--debug", description = "Also show language, intent, confidence and the top intents.")
    boolean debug;

    public ConsoleCommand() {
    }

    ConsoleCommand(EngineOptions options, boolean debug) {
        this.engineOptions = options;
        this.debug = debug;
    }

    @Override
    public Integer call() {
        Engine engine = engineOptions.build();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println(engine.answer(Inbound.of(line, "console", "console")).text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
