package io.reportbot.cli;

import io.reportbot.discord.ConfigException;
import io.reportbot.discord.DiscordBot;
import io.reportbot.discord.DiscordSettings;
import io.reportbot.discord.DiscordUnreachableException;
import io.reportbot.config.Config;
import io.reportbot.engine.Conversations;
import io.reportbot.engine.ReloadableEngine;
import io.reportbot.ops.BotEvents;
import io.reportbot.state.SharedState;
import io.reportbot.state.StateListener;
import io.reportbot.state.StateSettings;
import io.reportbot.state.StateStores;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs reportbot as a Discord bot until SIGINT/SIGTERM, then shuts down cleanly.
 *
 * <p>Exit codes: 0 after a clean shutdown (SIGINT, SIGTERM), 2 when the configuration (e.g. the token) is missing or
 * malformed or Discord rejects the token, at start or later by closing the gateway for good (4004 after a token
 * reset), 1 when Discord cannot be reached. The token is never printed.
 */
@Command(name = "discord", mixinStandardHelpOptions = true,
        description = {"Run reportbot as a Discord bot (slash commands /ask, /topics, /report, /help).",
                "The token comes from the environment variable DISCORD_BOT_TOKEN or discord.token in the --config file.",
                "DISCORD_API_URL and DISCORD_GATEWAY_URL point it at a proxy or a test double."})
public final class DiscordCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file (see config/reportbot.example.properties); discord.* and reportbot.* keys apply.")
    Path configFile;

    @Spec
    CommandSpec spec;

    /** The environment; a field so that tests can run the command without touching the real one. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws InterruptedException {
        DiscordSettings config;
        Config cfg;
        StateSettings stateSettings;
        try {
            cfg = Config.load(Optional.ofNullable(configFile), env);
            config = DiscordSettings.from(cfg);
            stateSettings = cfg.stateSettings();
        } catch (ConfigException | io.reportbot.config.ConfigException e) {
            spec.commandLine().getErr().println("reportbot discord: " + e.getMessage());
            return 2;
        }
        cfg.warnings().forEach(w -> spec.commandLine().getErr().println("reportbot discord: warning: " + w));
        // with state.redisUrl the processes of one bot (e.g. one per shard range) share the conversations and the
        // ledger of handled interactions
        SharedState state = StateStores.open(stateSettings, StateListener.NONE);
        ReloadableEngine engine = engineOptions.build(cfg.engineSettings(), new Conversations(state.contexts()));
        Signals.reloadOnHangup(engine);
        SharedState shared = SharedStates.forReplicas(state);
        DiscordBot bot;
        try {
            bot = DiscordBot.start(config, engine, BotEvents.NONE, shared);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("reportbot discord: " + e.getMessage());
            state.close();
            return 2;
        } catch (DiscordUnreachableException e) {
            spec.commandLine().getErr().println("reportbot discord: " + e.getMessage());
            state.close();
            return 1;
        }
        if (shared != null) {
            spec.commandLine().getErr().println("reportbot discord: sharing conversations, handled interactions and"
                    + " rate limits in " + stateSettings.describe());
        }
        spec.commandLine().getErr().println("reportbot discord: running; Ctrl-C or SIGTERM stops it.");
        CountDownLatch stop = new CountDownLatch(1);
        AtomicReference<String> fatal = new AtomicReference<>();
        Signals.onTermination(stop::countDown);
        bot.fatalClose().thenAccept(message -> {
            fatal.set(message);
            stop.countDown();
        });
        stop.await();
        if (fatal.get() == null) {
            spec.commandLine().getErr().println("reportbot discord: stopping; finishing the answers in flight.");
        }
        bot.stop();
        state.close();
        if (fatal.get() != null) {
            spec.commandLine().getErr().println("reportbot discord: " + fatal.get());
            return 2;
        }
        return 0;
    }
}
