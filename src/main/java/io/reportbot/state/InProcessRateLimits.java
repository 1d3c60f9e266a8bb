package io.reportbot.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/** Token buckets in this process (Bucket4j), at most 100,000 keys, each forgotten an hour after its last use. */
final class InProcessRateLimits implements RateLimits {

    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;

    InProcessRateLimits(Ticker ticker) {
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).ticker(ticker)
                .executor(Runnable::run).build();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return ticker.read();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }

    @Override
    public boolean tryConsume(String key, Limit limit) {
        return buckets.get(key + "|" + limit.capacity() + "/" + limit.period().toMillis(), k -> Bucket.builder()
                .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .withCustomTimePrecision(time)
                .build()).tryConsume(1);
    }
}
