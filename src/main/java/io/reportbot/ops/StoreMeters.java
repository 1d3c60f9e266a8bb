package io.reportbot.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import java.util.function.LongSupplier;

/**
 * Meters of the question store's background writer, read from plain suppliers so that the store needs no metrics
 * library: {@code reportbot_store_dropped_total} (questions not stored because the queue was full or the database
 * failed), {@code reportbot_store_written_total} and {@code reportbot_store_queued} (waiting now).
 *
 * <p>Micrometer holds what it reads weakly: keep the instance {@link #bind} returns for as long as the meters should
 * count (the serve command keeps it beside the store). Thread-safe.
 */
public final class StoreMeters {

    private final LongSupplier dropped;
    private final LongSupplier written;
    private final LongSupplier queued;

    private StoreMeters(LongSupplier dropped, LongSupplier written, LongSupplier queued) {
        this.dropped = dropped;
        this.written = written;
        this.queued = queued;
    }

    /** Registers the three meters on the process's metrics. */
    public static StoreMeters bind(Metrics metrics, LongSupplier dropped, LongSupplier written, LongSupplier queued) {
        StoreMeters m = new StoreMeters(dropped, written, queued);
        FunctionCounter.builder("reportbot.store.dropped", m, x -> x.dropped.getAsLong())
                .description("questions the store could not take (queue full or database failed)")
                .register(metrics.registry());
        FunctionCounter.builder("reportbot.store.written", m, x -> x.written.getAsLong())
                .description("questions written to the store")
                .register(metrics.registry());
        Gauge.builder("reportbot.store.queued", m, x -> x.queued.getAsLong())
                .description("questions waiting for the store's writer")
                .register(metrics.registry());
        return m;
    }
}
