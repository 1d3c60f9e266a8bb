package io.reportbot.telegram;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often and how long to retry a Bot API call: capped exponential backoff with full jitter for 5xx, timeouts and
 * dropped connections, and Telegram's own {@code retry_after} for 429.
 *
 * @param maxAttempts   attempts in all, including the first
 * @param baseDelay     the backoff before the first retry (before jitter)
 * @param maxDelay      the cap on any backoff
 * @param maxRetryAfter the longest {@code retry_after} honoured; a longer one gives up instead of blocking
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
        }
    }

    /** Five attempts, 0.5 s doubling up to 30 s, and at most 5 minutes of {@code retry_after}. */
    static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry): a random time between half and all of
     * {@code min(maxDelay, baseDelay * 2^(retry-1))}, so that many clients don't retry in step.
     */
    Duration backoff(int retry, RandomGenerator random) {
        long base = baseDelay.toMillis();
        long cap = maxDelay.toMillis();
        long exp = retry >= 31 ? cap : Math.min(cap, base * (1L << Math.max(0, retry - 1)));
        long half = exp / 2;
        return Duration.ofMillis(half + (exp - half == 0 ? 0 : random.nextLong(exp - half + 1)));
    }
}
