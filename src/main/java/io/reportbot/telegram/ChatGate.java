package io.reportbot.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets each update through once and each chat ask only so often. Bounded: it remembers the last
 * {@code 100,000} update ids (for an hour) and the buckets of chats active in the last few minutes.
 *
 * <p>Thread-safe.
 */
final class ChatGate {
    /** What to do with an update that passed the duplicate check. */
    enum Verdict {
        /** Answer it. */
        ADMIT,
        /** Over the limit for the first time: tell the chat to slow down, once. */
        SLOW_DOWN,
        /** Over the limit and already told: drop it silently. */
        DROP
    }

    private record ChatState(Bucket bucket, AtomicBoolean warned) {
    }

    private final Cache<Integer, Boolean> seen;
    private final Cache<String, ChatState> chats;
    private final int perPeriod;
    private final Duration period;
    private final TimeMeter time;

    ChatGate(int perPeriod, Duration period) {
        this(perPeriod, period, TimeMeter.SYSTEM_NANOTIME, Ticker.systemTicker());
    }

    /** For tests: a clock for the buckets and the caches. */
    ChatGate(int perPeriod, Duration period, TimeMeter time, Ticker ticker) {
        this.perPeriod = perPeriod;
        this.period = period;
        this.time = time;
        this.seen = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).ticker(ticker)
                .build();
        this.chats = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(period.multipliedBy(3)).ticker(ticker)
                .build();
    }

    /** True the first time an update id is seen, false for a repeat. */
    boolean firstTime(int updateId) {
        return seen.asMap().putIfAbsent(updateId, Boolean.TRUE) == null;
    }

    /** Counts one question against a chat's limit. */
    Verdict admit(String key) {
        ChatState state = chats.get(key, k -> new ChatState(Bucket.builder()
                .addLimit(limit -> limit.capacity(perPeriod).refillGreedy(perPeriod, period))
                .withCustomTimePrecision(time)
                .build(), new AtomicBoolean()));
        if (state.bucket().tryConsume(1)) {
            state.warned().set(false);
            return Verdict.ADMIT;
        }
        return state.warned().compareAndSet(false, true) ? Verdict.SLOW_DOWN : Verdict.DROP;
    }
}
