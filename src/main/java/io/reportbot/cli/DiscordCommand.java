package io.reportbot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Runs reportbot as a Discord bot (placeholder until the Discord adapter lands). */
@Command(name = "discord", mixinStandardHelpOptions = true, description = "Run reportbot as a Discord bot.")
public final class DiscordCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("The Discord adapter is not built yet.");
        return 2;
    }
}
