package io.reportbot.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code reportbot} command line: the console by default, and one subcommand per way to run. */
@Command(name = "reportbot",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Answers German and English questions about a report.")
public final class Main implements Runnable {

    /** The subcommands, in the order the help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ConsoleCommand.class,
            AskCommand.class,
            TelegramCommand.class,
            DiscordCommand.class,
            ServeCommand.class,
            EvalCommand.class,
            CheckCommand.class,
            DraftCommand.class,
            ReviewCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Mixin
    EngineOptions engineOptions;

    @CommandLine.Option(names = "--debug", description = "Also show language, intent, confidence and the top intents.")
    boolean debug;

    @Override
    public void run() {
        new ConsoleCommand(engineOptions, debug).call();
    }

    /**
     * Runs reportbot. Standard output and error are UTF-8 whatever the platform's default (Java 17 follows the
     * locale, which is US-ASCII without one), and arguments the JVM could not decode are recovered (see
     * {@link Argv}) or refused with one line.
     */
    public static void main(String[] args) {
        Preload.start();
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        Argv.Result argv = Argv.recover(args);
        if (argv.garbled()) {
            System.err.println(CliText.get("argv.garbled", System.getProperty("sun.jnu.encoding")));
            System.exit(2);
        }
        System.exit(newCommandLine(argv.array()).execute(argv.array()));
    }

    /** The configured command line with every subcommand, shared by {@link #main} and the tests. */
    public static CommandLine newCommandLine() {
        return withSubcommands(SUBCOMMANDS);
    }

    /**
     * The command line for these arguments: when the first one names a subcommand (other than {@code help}, which
     * lists the others), with only that one, as the arguments cannot reach any other; else with all. Building
     * picocli's model of every subcommand (and loading their classes) was a tenth of the start-up of
     * {@code ask}; what the arguments do, print or fail with is the same either way ({@code MainTest}).
     */
    static CommandLine newCommandLine(String[] args) {
        if (args.length > 0) {
            for (Class<?> c : SUBCOMMANDS) {
                Command command = c.getAnnotation(Command.class);
                if (c != CommandLine.HelpCommand.class && command != null && args[0].equals(command.name())) {
                    return withSubcommands(List.of(c));
                }
            }
        }
        return newCommandLine();
    }

    /** The bare command line with every subcommand: no streams, no error handler set (for tests that set their own). */
    public static CommandLine bare() {
        return bare(SUBCOMMANDS);
    }

    private static CommandLine bare(List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
        return cl;
    }

    private static CommandLine withSubcommands(List<Class<?>> subcommands) {
        CommandLine cl = bare(subcommands);
        cl.setOut(utf8(FileDescriptor.out));
        cl.setErr(utf8(FileDescriptor.err));
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(ErrorHandler::parameterError);
        cl.setExecutionStrategy(Main::execute);
        return cl;
    }

    /**
     * Runs the parsed command line. The main command's engine options (before the subcommand) apply to the
     * subcommand, which used to ignore them silently; a subcommand that builds no engine ({@code check}, {@code draft})
     * refuses them instead.
     */
    static int execute(CommandLine.ParseResult parsed) {
        if (parsed.hasSubcommand() && parsed.commandSpec().userObject() instanceof Main main
                && main.engineOptions.given()) {
            CommandLine.ParseResult sub = parsed.subcommand();
            CommandLine.Model.CommandSpec mixin = sub.commandSpec().mixins().get("engineOptions");
            if (mixin != null && mixin.userObject() instanceof EngineOptions own) {
                own.inherit(main.engineOptions);
            } else if (!sub.commandSpec().name().equals("help")) {
                throw new CommandLine.ParameterException(sub.commandSpec().commandLine(),
                        CliText.get("cli.engine_options_unused"));
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /**
     * A UTF-8 writer straight onto a file descriptor (not through {@link System#out}, whose PrintStream hides
     * write errors: {@link PrintWriter#checkError()} on this one sees a closed pipe).
     */
    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }
}
