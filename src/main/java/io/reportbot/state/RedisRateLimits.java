package io.reportbot.state;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in Redis through Bucket4j's Lettuce integration (compare-and-swap), so every replica counts against
 * the same bucket. A bucket's key expires once it would be full again. While Redis is down the question is let
 * through (fail open). Thread-safe.
 */
final class RedisRateLimits implements RateLimits {

    private final String prefix;
    private final Duration timeout;
    private final Map<Limit, BucketConfiguration> configurations = new ConcurrentHashMap<>();
    private volatile ProxyManager<String> buckets;
    private volatile RedisLink link;

    RedisRateLimits(String prefix, Duration timeout) {
        this.prefix = prefix;
        this.timeout = timeout;
    }

    void link(RedisLink l) {
        this.link = l;
    }

    /** Called once when the connection is first made (Lettuce reconnects it in place afterwards). */
    void connected(StatefulRedisConnection<String, byte[]> connection) {
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .requestTimeout(timeout)
                .build();
    }

    @Override
    public boolean tryConsume(String key, Limit limit) {
        ProxyManager<String> b = buckets;
        RedisLink l = link;
        if (b == null || l == null || !l.available()) {
            if (l != null) {
                l.failed("rate_limit", new IllegalStateException("not connected"));
            }
            return true;
        }
        BucketConfiguration config = configurations.computeIfAbsent(limit, x -> BucketConfiguration.builder()
                .addLimit(bl -> bl.capacity(x.capacity()).refillGreedy(x.capacity(), x.period()))
                .build());
        try {
            return b.builder().build(prefix + key + ":" + limit.capacity() + "/" + limit.period().toMillis(),
                    () -> config).tryConsume(1);
        } catch (RuntimeException e) {
            l.failed("rate_limit", e);
            return true;
        }
    }
}
