package io.reportbot.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import java.util.function.LongSupplier;

/**
 * Meters of the question store's background writer, read from plain suppliers so that the store needs no metrics
 * library: {@code reportbot_store_dropped_total} (questions not stored because the queue was full or the database
 * failed), {@code reportbot_store_written_total} and {@code reportbot_store_queued} (waiting now). Thread-safe.
 */
public final class StoreMeters {

    private StoreMeters() {
    }

    /** Registers the three meters on the process's metrics. */
    public static void bind(Metrics metrics, LongSupplier dropped, LongSupplier written, LongSupplier queued) {
        FunctionCounter.builder("reportbot.store.dropped", dropped, s -> s.getAsLong())
                .description("questions the store could not take (queue full or database failed)")
                .register(metrics.registry());
        FunctionCounter.builder("reportbot.store.written", written, s -> s.getAsLong())
                .description("questions written to the store")
                .register(metrics.registry());
        Gauge.builder("reportbot.store.queued", queued, s -> s.getAsLong())
                .description("questions waiting for the store's writer")
                .register(metrics.registry());
    }
}
