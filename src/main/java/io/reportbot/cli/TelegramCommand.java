package io.reportbot.cli;

import io.reportbot.config.Config;
import io.reportbot.config.ConfigException;
import io.reportbot.engine.Conversations;
import io.reportbot.engine.ReloadableEngine;
import io.reportbot.ops.BotEvents;
import io.reportbot.ops.MeteredEngine;
import io.reportbot.ops.Metrics;
import io.reportbot.ops.OpsServer;
import java.io.IOException;
import java.util.Map;
import io.reportbot.state.SharedState;
import io.reportbot.state.StateListener;
import io.reportbot.state.StateSettings;
import io.reportbot.state.StateStores;
import io.reportbot.telegram.TelegramBot;
import io.reportbot.telegram.TelegramConfigException;
import io.reportbot.telegram.TelegramSettings;
import io.reportbot.telegram.TelegramStartException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs reportbot as a Telegram bot until SIGINT or SIGTERM, then finishes the answers in flight and exits 0.
 * Exit code 2: the token is missing, malformed or rejected, or the settings are wrong.
 */
@Command(name = "telegram", mixinStandardHelpOptions = true,
        description = {"Run reportbot as a Telegram bot (long polling, or --webhook).",
                "The token comes from TELEGRAM_BOT_TOKEN or telegram.token in --config;"
                        + " TELEGRAM_API_URL points at another Bot API server."})
public final class TelegramCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file (see config/reportbot.example.properties); telegram.* and reportbot.* keys apply.")
    Path config;

    @Option(names = "--webhook",
            description = "Receive updates on an HTTP endpoint (127.0.0.1:8443/telegram by default) instead of"
                    + " long polling; needs TELEGRAM_WEBHOOK_SECRET.")
    boolean webhook;

    @Option(names = "--metrics-port", paramLabel = "N",
            description = "Serve /healthz and /metrics on this port (default: reportbot.metrics.port; -1 off, 0 any free"
                    + " port); with shared state in Redis, /healthz also reports it.")
    Integer metricsPort;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TelegramSettings settings;
        Config cfg;
        StateSettings stateSettings;
        try {
            cfg = Config.load(Optional.ofNullable(config), System.getenv());
            settings = TelegramSettings.from(cfg, webhook);
            stateSettings = cfg.stateSettings();
        } catch (TelegramConfigException | ConfigException e) {
            spec.commandLine().getErr().println("reportbot: " + e.getMessage());
            return 2;
        }
        cfg.warnings().forEach(w -> spec.commandLine().getErr().println("reportbot: warning: " + w));
        int port = metricsPort != null ? metricsPort : cfg.integer("reportbot.metrics.port");
        Metrics metrics = new Metrics();
        SharedState state = StateStores.open(stateSettings, port >= 0 ? metrics.stateListener() : StateListener.NONE);
        ReloadableEngine engine = engineOptions.build(cfg.engineSettings(), new Conversations(state.contexts()));
        Signals.reloadOnHangup(engine);
        TelegramBot bot = port >= 0
                ? TelegramBot.create(new MeteredEngine(engine, metrics.registry()), settings, metrics,
                        SharedStates.forReplicas(state))
                : TelegramBot.create(engine, settings, BotEvents.NONE, SharedStates.forReplicas(state));
        try {
            bot.start();
        } catch (TelegramConfigException e) {
            spec.commandLine().getErr().println("reportbot: " + e.getMessage());
            bot.stop();
            state.close();
            return 2;
        } catch (TelegramStartException e) {
            spec.commandLine().getErr().println("reportbot: " + e.getMessage());
            bot.stop();
            state.close();
            return 1;
        }
        OpsServer ops = null;
        if (port >= 0) {
            String host = cfg.string("reportbot.metrics.host");
            try {
                ops = OpsServer.start(host, port, metrics, Map.of("telegram", bot::connected),
                        SharedStates.healthOf(state));
            } catch (IOException | RuntimeException e) {
                spec.commandLine().getErr().println("reportbot: cannot serve /healthz and /metrics on " + host + ":"
                        + port + " (" + e.getMessage() + "): choose another --metrics-port");
                bot.stop();
                state.close();
                return 2;
            }
            spec.commandLine().getErr().println("reportbot: health and metrics on http://" + host + ":" + ops.port()
                    + "/healthz and /metrics");
        }
        spec.commandLine().getErr().println("reportbot: Telegram bot @" + bot.username() + " is running ("
                + (webhook ? "webhook" : "long polling") + "); Ctrl-C or SIGTERM stops it.");
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTermination(stop::countDown);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        spec.commandLine().getErr().println("reportbot: stopping; finishing the answers in flight.");
        bot.stop();
        if (ops != null) {
            ops.close();
        }
        state.close();
        return 0;
    }
}
