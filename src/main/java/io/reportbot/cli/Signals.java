package io.reportbot.cli;

import io.reportbot.engine.ReloadableEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SIGHUP reloads the intents and the report of a running bot ({@code kill -HUP <pid>}). */
final class Signals {

    private static final Logger log = LoggerFactory.getLogger(Signals.class);

    private Signals() {
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
