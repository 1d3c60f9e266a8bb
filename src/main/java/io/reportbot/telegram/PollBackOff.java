package io.reportbot.telegram;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * The wait between failed getUpdates calls: capped exponential backoff with jitter that never gives up (the
 * library's own {@code ExponentialBackOff} has a maximum elapsed time after which it returns -1), and no wait at
 * all once the bot is stopping.
 *
 * <p>Thread-safe.
 */
final class PollBackOff implements BackOff {
    private final RetryPolicy policy;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile boolean stopping;

    PollBackOff(RetryPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void reset() {
        failures.set(0);
    }

    @Override
    public long nextBackOffMillis() {
        if (stopping) {
            return 0;
        }
        return policy.backoff(Math.min(30, failures.incrementAndGet()), ThreadLocalRandom.current()).toMillis();
    }

    /** True after a failed getUpdates until the next one succeeds. */
    boolean failing() {
        return failures.get() > 0;
    }

    void stopping() {
        stopping = true;
    }
}
