package io.reportbot.state;

import java.time.Duration;

/**
 * Token buckets per user or chat (Bucket4j): {@code capacity} questions, refilled evenly over {@code period}.
 *
 * <p>When the store cannot be reached the question is let through (fail open): answers go on, limits degrade.
 * Implementations are thread-safe.
 */
public interface RateLimits {

    /** Buckets in this process only (bounded), for a process that shares nothing. */
    static RateLimits inProcess() {
        return new InProcessRateLimits(com.github.benmanes.caffeine.cache.Ticker.systemTicker());
    }

    /**
     * A limit: this many within this period.
     *
     * @param capacity how many at most in a burst, and per period
     * @param period   the period over which the bucket refills
     */
    record Limit(long capacity, Duration period) {
        public Limit {
            if (capacity < 1 || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a limit needs a capacity of at least 1 and a positive period");
            }
        }
    }

    /**
     * Takes one token from the bucket of {@code key} (e.g. {@code telegram:user:42}).
     *
     * @return true when the question may be answered
     */
    boolean tryConsume(String key, Limit limit);
}
