package io.reportbot.cli;

import io.reportbot.engine.ReloadableEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SIGHUP reloads the intents and the report of a running bot ({@code kill -HUP <pid>}). */
final class Signals {

    private static final Logger log = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    /**
     * SIGINT and SIGTERM as an ordinary event, so that the bots stop in their own time and the process exits 0 (with
     * a plain shutdown hook the JVM is already exiting, with status 130 or 143). A second signal exits at once.
     */
    static void onTermination(Runnable action) {
        java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();
        Runnable handler = () -> {
            if (received.incrementAndGet() == 1) {
                action.run();
            } else {
                Runtime.getRuntime().halt(130);
            }
        };
        try {
            for (String name : new String[] {"INT", "TERM"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> handler.run());
            }
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            Runtime.getRuntime().addShutdownHook(new Thread(action, "reportbot-shutdown"));
        }
    }

    @SuppressWarnings("removal")
    static void reloadOnHangup(ReloadableEngine engine) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), sig -> {
                ReloadableEngine.Outcome o = engine.reload();
                if (o.ok()) {
                    log.warn("SIGHUP: {}", o.message());
                } else {
                    log.error("SIGHUP: {}", o.message());
                }
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            log.info("SIGHUP is not available here ({}); reload from the console with /reload", e.getMessage());
        }
    }
}
