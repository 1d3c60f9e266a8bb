package io.reportbot.cli;

import io.reportbot.console.ConsoleSession;
import io.reportbot.engine.ReloadableEngine;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
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
        ReloadableEngine engine = engineOptions.build();
        Signals.reloadOnHangup(engine);
        ConsoleSession session = new ConsoleSession(engine, debug ? Render::debug : null, () -> engine.reload().message());
        try {
            if (System.console() != null) {
                repl(session);
            } else {
                piped(session);
            }
        } catch (IOException e) {
            System.err.println(CliText.get("console.cannot_read", e.getMessage()));
            return 1;
        }
        return 0;
    }

    /**
     * One answer per line of standard input (only \n and \r\n end a line), UTF-8 in and out; a line over
     * {@link AskCommand#MAX_LINE_CHARS} gets a short note instead, and reading stops when standard output is closed.
     */
    private static void piped(ConsoleSession session) throws IOException {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        BoundedLineReader in = BoundedLineReader.utf8(System.in, AskCommand.MAX_LINE_CHARS);
        for (BoundedLineReader.Line line = in.next(); line != null; line = in.next()) {
            if (line.tooLong()) {
                out.println(CliText.get("console.line_too_long", String.format(Locale.ROOT, "%,d", line.length()),
                        String.format(Locale.ROOT, "%,d", AskCommand.MAX_LINE_CHARS)));
            } else {
                ConsoleSession.Outcome o = session.handle(line.text());
                if (o.quit()) {
                    break;
                }
                out.println(o.output());
            }
            if (out.checkError() || System.out.checkError()) {
                System.err.println(CliText.get("console.stdout_closed"));
                return;
            }
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
