package io.reportbot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Runs reportbot as a Telegram bot (placeholder until the Telegram adapter lands). */
@Command(name = "telegram", mixinStandardHelpOptions = true, description = "Run reportbot as a Telegram bot.")
public final class TelegramCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("The Telegram adapter is not built yet.");
        return 2;
    }
}
