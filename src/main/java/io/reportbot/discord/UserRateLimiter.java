package io.reportbot.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * A per-user rate limit: each user may ask {@code questions} times per {@code window} (a token bucket that
 * refills gradually). The first request over the limit is answered with a notice; further ones are
 * dropped until the user may ask again, so that a flood does not turn into a flood of notices.
 *
 * <p>Thread-safe. Buckets of users who have been quiet for a while are forgotten, so memory stays bounded.
 */
final class UserRateLimiter {

    /** What to do with a request. */
    enum Decision {
        /** Go ahead. */
        ALLOW,
        /** Over the limit for the first time: tell the user, once. */
        NOTIFY,
        /** Over the limit again: ignore. */
        DROP
    }

    private final int questions;
    private final Duration window;
    private final Cache<Long, Bucket> buckets;
    private final Cache<Long, Boolean> notified;

    UserRateLimiter(int questions, Duration window) {
        this.questions = questions;
        this.window = window;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(100_000).build();
        this.notified = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    }

    /** Takes one request of this user into account and says what to do with it. */
    Decision check(long userId) {
        Bucket bucket = buckets.get(userId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(questions).refillGreedy(questions, window).build())
                .build());
        if (bucket.tryConsume(1)) {
            notified.invalidate(userId);
            return Decision.ALLOW;
        }
        return notified.asMap().putIfAbsent(userId, Boolean.TRUE) == null ? Decision.NOTIFY : Decision.DROP;
    }
}
