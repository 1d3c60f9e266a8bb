package io.reportbot.cli;

import io.reportbot.admin.AdminServer;
import io.reportbot.admin.AdminSettings;
import io.reportbot.config.Config;
import io.reportbot.engine.Engine;
import io.reportbot.engine.EngineSettings;
import io.reportbot.engine.ReloadableEngine;
import io.reportbot.ops.Metrics;
import io.reportbot.ops.StoreMeters;
import io.reportbot.store.QuestionRecorder;
import io.reportbot.store.QuestionStore;
import io.reportbot.store.RecordingEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The question store and the maintainer's page for {@code serve}: opens the store (when a JDBC URL is set or the page
 * is on), records every answer through a {@link RecordingEngine}, counts the writer's drops in {@code /metrics}, and
 * serves the page. Kept apart from {@link ServeCommand} so that the command only asks for it. Closing stops the page,
 * writes what is queued and closes the store. Not thread-safe: built and closed by one thread.
 */
final class Maintenance implements AutoCloseable {

    /** The default store when the page is on and no URL is set. */
    static final String DEFAULT_URL = "jdbc:sqlite:reportbot-questions.db";

    private final QuestionStore store;
    private final QuestionRecorder recorder;
    /** Held so that Micrometer, which reads it weakly, keeps counting. */
    @SuppressWarnings("unused")
    private final StoreMeters meters;
    private final String report;
    private final double keepTextBelow;
    private AdminServer admin;

    private Maintenance(QuestionStore store, QuestionRecorder recorder, StoreMeters meters, String report,
                        double keepTextBelow) {
        this.store = store;
        this.recorder = recorder;
        this.meters = meters;
        this.report = report;
        this.keepTextBelow = keepTextBelow;
    }

    /** What the command line says about the page. */
    record Options(Integer adminPort, String adminHost, Path evalDir) {
    }

    /** The admin port the options and the configuration ask for (-1: off). */
    static int adminPort(Config config, Options options) {
        return options.adminPort() != null ? options.adminPort() : config.integer("reportbot.admin.port");
    }

    /**
     * Opens the store when it is wanted; empty when neither a JDBC URL nor the page is set.
     *
     * @throws io.reportbot.store.StoreException when the database cannot be opened
     */
    static Optional<Maintenance> open(Config config, Options options, EngineSettings engineSettings, Metrics metrics) {
        String url = config.value("reportbot.store.jdbcUrl").orElse(null);
        if (url == null && adminPort(config, options) < 0) {
            return Optional.empty();
        }
        QuestionStore store = QuestionStore.open(url != null ? url : DEFAULT_URL);
        QuestionRecorder recorder = new QuestionRecorder(store, config.integer("reportbot.store.queueSize"),
                Duration.ofDays(config.integer("reportbot.store.retentionDays")), Clock.systemUTC());
        StoreMeters meters = StoreMeters.bind(metrics, recorder::dropped, recorder::written, recorder::queued);
        String report = engineSettings.reportFile().map(p -> p.getFileName().toString()).orElse("bundled");
        return Optional.of(new Maintenance(store, recorder, meters, report,
                Double.parseDouble(config.string("reportbot.store.keepTextBelow"))));
    }

    /** The engine the platforms use: every answer is recorded. */
    Engine recording(Engine engine) {
        return new RecordingEngine(engine, recorder, report, keepTextBelow, Clock.systemUTC());
    }

    /**
     * Starts the page when a port is set; returns its port, or -1 when it is off.
     *
     * @throws IllegalArgumentException when the token is missing or too short
     * @throws IOException              when the address cannot be bound
     */
    int startPage(Config config, Options options, ReloadableEngine engine, EngineSettings engineSettings)
            throws IOException {
        int port = adminPort(config, options);
        if (port < 0) {
            return -1;
        }
        String host = options.adminHost() != null ? options.adminHost() : config.string("reportbot.admin.host");
        Optional<Path> evalDir = Optional.ofNullable(options.evalDir())
                .or(() -> config.value("reportbot.admin.evalDir").map(Path::of));
        AdminSettings settings = new AdminSettings(host, port, config.value("reportbot.admin.token").orElse(null),
                Boolean.parseBoolean(config.string("reportbot.admin.secureCookie")), evalDir,
                config.integer("reportbot.admin.inboxDays"));
        admin = AdminServer.start(settings, engine, engineSettings, store, Clock.systemUTC());
        return admin.port();
    }

    String where() {
        return store.where();
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
        recorder.close();
        store.close();
    }
}
