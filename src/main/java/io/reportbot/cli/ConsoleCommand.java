package io.reportbot.cli;

import io.reportbot.console.ConsoleSession;
import io.reportbot.engine.Engine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The local console: a REPL with a prompt and history when standard input is a terminal; otherwise it
 * answers each line of standard input and exits. The whole session is one conversation.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Chat with reportbot in this terminal (the default). Piped input: one answer per line.")
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
        ConsoleSession session = new ConsoleSession(engine, debug ? Render::debug : null);
        try {
            if (System.console() != null) {
                repl(session);
            } else {
                piped(session);
            }
        } catch (IOException e) {
            System.err.println("reportbot: cannot read the console: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private static void piped(ConsoleSession session) throws IOException {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            ConsoleSession.Outcome o = session.handle(line);
            if (o.quit()) {
                break;
            }
            out.println(o.output());
        }
    }

    private static void repl(ConsoleSession session) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".reportbot_history"))
                    .build();
            PrintWriter out = terminal.writer();
            out.println(session.welcome());
            while (true) {
                String line;
                try {
                    line = reader.readLine("? ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                ConsoleSession.Outcome o = session.handle(line);
                if (o.quit()) {
                    break;
                }
                out.println(o.output());
                out.println();
                out.flush();
            }
        }
    }
}
