package io.reportbot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code reportbot} command line: the console by default, and one subcommand per way to run. */
@Command(name = "reportbot",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Answers German and English questions about a report.",
        subcommands = {
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
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Mixin
    EngineOptions engineOptions;

    @CommandLine.Option(names = "--debug", description = "Also show language, intent, confidence and the top intents.")
    boolean debug;

    @Override
    public void run() {
        new ConsoleCommand(engineOptions, debug).call();
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        return cl;
    }
}
