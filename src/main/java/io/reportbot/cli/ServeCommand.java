package io.reportbot.cli;

import io.reportbot.config.Config;
import io.reportbot.config.ConfigException;
import io.reportbot.discord.DiscordBot;
import io.reportbot.discord.DiscordSettings;
import io.reportbot.discord.DiscordUnreachableException;
import io.reportbot.engine.Engine;
import io.reportbot.engine.Conversations;
import io.reportbot.engine.ReloadableEngine;
import io.reportbot.state.SharedState;
import io.reportbot.state.StateSettings;
import io.reportbot.state.StateStores;
import io.reportbot.ops.MeteredEngine;
import io.reportbot.ops.Metrics;
import io.reportbot.ops.OpsServer;
import io.reportbot.telegram.TelegramBot;
import io.reportbot.telegram.TelegramConfigException;
import io.reportbot.telegram.TelegramSettings;
import io.reportbot.telegram.TelegramStartException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs every platform that has a token (Telegram, Discord or both) in one process, sharing one engine, until
 * SIGINT/SIGTERM; SIGHUP reloads the report and intents. Optionally serves {@code /healthz} and {@code /metrics}.
 *
 * <p>Exit codes: 0 after a clean shutdown; 2 when the configuration is wrong, no token is set or a platform rejects
 * its token; 1 when a platform cannot be reached. When one platform fails to start, the other is stopped too.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run reportbot on every platform that has a token (TELEGRAM_BOT_TOKEN, DISCORD_BOT_TOKEN), in one process.",
                "Settings come from --config (see config/reportbot.example.properties) with the environment on top.",
                "SIGHUP reloads the report and the intents; SIGINT/SIGTERM stop after the answers in flight."})
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--config", paramLabel = "FILE", description = "The configuration file (properties).")
    Path configFile;

    @Option(names = "--metrics-port", paramLabel = "N",
            description = "Serve /healthz and /metrics on this port (0: any free port; default: reportbot.metrics.port, off).")
    Integer metricsPort;

    @Option(names = "--metrics-host", paramLabel = "HOST",
            description = "The address for /healthz and /metrics (default: reportbot.metrics.host, 127.0.0.1).")
    String metricsHost;

    @Option(names = "--admin-port", paramLabel = "N",
            description = "Serve the maintainer's page on this port (0: any free port; default: reportbot.admin.port, off);"
                    + " needs REPORTBOT_ADMIN_TOKEN. With it, serve runs even without a platform token.")
    Integer adminPort;

    @Option(names = "--admin-host", paramLabel = "HOST",
            description = "The address for the maintainer's page (default: reportbot.admin.host, 127.0.0.1).")
    String adminHost;

    @Option(names = "--eval-dir", paramLabel = "DIR",
            description = "Labelled sets (*.jsonl) that the page's \"Retrain and check\" runs (default: reportbot.admin.evalDir).")
    Path evalDir;

    @Option(names = "--log-format", paramLabel = "text|json",
            description = "Human-readable lines (text, the default) or JSON lines (json).")
    String logFormat;

    @Spec
    CommandSpec spec;

    /** The environment; a field so that tests can run the command without touching the real one. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Config config;
        try {
            config = Config.load(Optional.ofNullable(configFile), env);
        } catch (ConfigException e) {
            return fail(err, e.getMessage());
        }
        String format = logFormat != null ? logFormat : config.logFormat();
        if (!format.equals("text") && !format.equals("json")) {
            return fail(err, "--log-format must be text or json, not '" + format + "'");
        }
        int port = metricsPort != null ? metricsPort : config.integer("reportbot.metrics.port");
        if (port < -1 || port > 65535) {
            return fail(err, "--metrics-port must be between 0 and 65535, not " + port);
        }
        LogSetup.apply(format, env);
        config.warnings().forEach(w -> err.println("reportbot serve: warning: " + w));
        err.flush();

        boolean telegram = config.has("telegram.token");
        boolean discord = config.has("discord.token");
        Maintenance.Options adminOptions = new Maintenance.Options(adminPort, adminHost, evalDir);
        if (!telegram && !discord && Maintenance.adminPort(config, adminOptions) < 0) {
            return fail(err, "no platform token: set TELEGRAM_BOT_TOKEN (Telegram) and/or DISCORD_BOT_TOKEN (Discord)"
                    + " in the environment, or telegram.token / discord.token in the --config file (chmod 600)");
        }
        if (Maintenance.adminPort(config, adminOptions) >= 0
                && config.value("reportbot.admin.token").orElse("").length() < io.reportbot.admin.AdminSettings.MIN_TOKEN_LENGTH) {
            return fail(err, "the maintainer's page needs REPORTBOT_ADMIN_TOKEN, at least "
                    + io.reportbot.admin.AdminSettings.MIN_TOKEN_LENGTH + " characters (e.g. openssl rand -hex 24)");
        }
        TelegramSettings telegramSettings = null;
        DiscordSettings discordConfig = null;
        StateSettings stateSettings;
        try {
            stateSettings = config.stateSettings();
        } catch (ConfigException e) {
            return fail(err, e.getMessage());
        }
        try {
            if (telegram) {
                telegramSettings = TelegramSettings.from(config, false);
            }
            if (discord) {
                discordConfig = DiscordSettings.from(config);
            }
        } catch (TelegramConfigException | io.reportbot.discord.ConfigException e) {
            return fail(err, e.getMessage());
        }

        Metrics metrics = new Metrics();
        Running running = new Running();
        SharedState state = StateStores.open(stateSettings, metrics.stateListener());
        running.state = state;
        ReloadableEngine engine = engineOptions.build(config.engineSettings(), new Conversations(state.contexts()));
        try {
            running.maintenance = Maintenance.open(config, adminOptions, engineOptions.settings(config.engineSettings()),
                    metrics).orElse(null);
        } catch (io.reportbot.store.StoreException e) {
            running.stop();
            return fail(err, e.getMessage() + " (check reportbot.store.jdbcUrl)");
        }
        Engine metered = new MeteredEngine(running.maintenance != null ? running.maintenance.recording(engine) : engine,
                metrics.registry());
        try {
            if (telegram) {
                TelegramBot bot = TelegramBot.create(metered, telegramSettings, metrics,
                        SharedStates.forReplicas(state));
                running.telegram = bot;
                bot.start();
                err.println("reportbot serve: Telegram bot @" + bot.username() + " is running (long polling)");
            }
            if (discord) {
                running.discord = DiscordBot.start(discordConfig, metered, metrics, SharedStates.forReplicas(state));
                err.println("reportbot serve: Discord bot is connecting");
            }
        } catch (TelegramConfigException | io.reportbot.discord.ConfigException e) {
            running.stop();
            return fail(err, e.getMessage());
        } catch (TelegramStartException | DiscordUnreachableException e) {
            running.stop();
            err.println("reportbot serve: " + e.getMessage());
            return 1;
        }
        if (port >= 0) {
            String host = metricsHost != null ? metricsHost : config.string("reportbot.metrics.host");
            Map<String, BooleanSupplier> platforms = new LinkedHashMap<>();
            if (running.telegram != null) {
                platforms.put("telegram", running.telegram::connected);
            }
            if (running.discord != null) {
                platforms.put("discord", running.discord::connected);
            }
            try {
                running.ops = OpsServer.start(host, port, metrics, platforms, SharedStates.healthOf(state));
            } catch (IOException | RuntimeException e) {
                running.stop();
                return fail(err, "cannot serve /healthz and /metrics on " + host + ":" + port + " (" + e.getMessage()
                        + "): choose another --metrics-port or reportbot.metrics.host");
            }
            err.println("reportbot serve: health and metrics on http://" + host + ":" + running.ops.port()
                    + "/healthz and /metrics");
        }
        if (running.maintenance != null) {
            try {
                int page = running.maintenance.startPage(config, adminOptions, engine,
                        engineOptions.settings(config.engineSettings()));
                err.println("reportbot serve: questions are stored in " + running.maintenance.where());
                if (page >= 0) {
                    String host = adminHost != null ? adminHost : config.string("reportbot.admin.host");
                    err.println("reportbot serve: the maintainer's page is on http://" + host + ":" + page + "/");
                }
            } catch (IllegalArgumentException | IOException e) {
                running.stop();
                return fail(err, "cannot serve the maintainer's page: " + e.getMessage());
            }
        }
        Signals.reloadOnHangup(engine);
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTermination(stop::countDown);
        err.println("reportbot serve: running; SIGHUP reloads, Ctrl-C or SIGTERM stops.");
        err.flush();
        stop.await();
        err.println("reportbot serve: stopping; finishing the answers in flight.");
        err.flush();
        running.stop();
        err.println("reportbot serve: stopped.");
        err.flush();
        return 0;
    }

    private static int fail(PrintWriter err, String message) {
        err.println("reportbot serve: " + message);
        err.flush();
        return 2;
    }

    /** What has been started, so that a failure or a signal stops exactly that. */
    private static final class Running {
        TelegramBot telegram;
        DiscordBot discord;
        OpsServer ops;
        Maintenance maintenance;
        SharedState state;

        /** Stops the platforms side by side (each finishes its answers in flight), then the endpoint. */
        void stop() {
            List<Thread> stoppers = new ArrayList<>();
            if (telegram != null) {
                stoppers.add(new Thread(telegram::stop, "reportbot-stop-telegram"));
            }
            if (discord != null) {
                stoppers.add(new Thread(discord::stop, "reportbot-stop-discord"));
            }
            stoppers.forEach(Thread::start);
            for (Thread t : stoppers) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (ops != null) {
                ops.close();
            }
            if (maintenance != null) {
                maintenance.close();
            }
            if (state != null) {
                state.close();
            }
            LOG.info("reportbot serve stopped");
        }
    }
}
