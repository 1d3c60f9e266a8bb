package io.reportbot.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * A rate limit per key (a chat, a user, a user's inline queries): at most {@code perPeriod} a period, refilled
 * smoothly. Bounded: it keeps the buckets of keys active in the last few periods.
 *
 * <p>Thread-safe.
 */
final class ChatGate {
    private final Cache<String, Bucket> buckets;
    private final int perPeriod;
    private final Duration period;
    private final TimeMeter time;

    ChatGate(int perPeriod, Duration period) {
        this(perPeriod, period, TimeMeter.SYSTEM_NANOTIME, Ticker.systemTicker());
    }

    /** For tests: a clock for the buckets and the cache. */
    ChatGate(int perPeriod, Duration period, TimeMeter time, Ticker ticker) {
        this.perPeriod = perPeriod;
        this.period = period;
        this.time = time;
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(period.multipliedBy(3)).ticker(ticker)
                .build();
    }

    /** Counts one question against the key's limit: true when it is within the limit. */
    boolean tryAdmit(String key) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perPeriod).refillGreedy(perPeriod, period))
                .withCustomTimePrecision(time)
                .build()).tryConsume(1);
    }
}
