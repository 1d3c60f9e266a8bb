package io.reportbot.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SIGINT and SIGTERM as an ordinary event, so that a bot can stop in its own time and exit 0 (with a plain shutdown
 * hook the JVM is already exiting, with status 130 or 143).
 */
final class Signals {
    private Signals() {
    }

    /** Runs {@code action} once on the first SIGINT or SIGTERM. */
    @SuppressWarnings("removal")
    static void onTermination(Runnable action) {
        AtomicBoolean fired = new AtomicBoolean();
        Runnable once = () -> {
            if (fired.compareAndSet(false, true)) {
                action.run();
            }
        };
        boolean handled = true;
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> once.run());
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                handled = false;
            }
        }
        if (!handled) {
            Runtime.getRuntime().addShutdownHook(new Thread(once, "reportbot-shutdown"));
        }
    }
}
