package io.reportbot.state;

import java.time.Duration;
import java.util.Optional;

/**
 * How to keep the shared state: in-process (no Redis URL, the default) or in Redis.
 *
 * @param redisUrl       {@code redis://[:password@]host:port[/db]} or {@code rediss://…}; empty: in-process
 * @param keyPrefix      the prefix of every Redis key, so several bots can share one Redis ({@code reportbot:})
 * @param commandTimeout how long one Redis command may take before it is given up and degraded (200 ms)
 * @param contextIdle    how long a conversation's context lives without use (30 minutes)
 */
public record StateSettings(Optional<String> redisUrl, String keyPrefix, Duration commandTimeout, Duration contextIdle) {

    public static final String DEFAULT_PREFIX = "reportbot:";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(200);
    public static final Duration DEFAULT_CONTEXT_IDLE = Duration.ofMinutes(30);

    public StateSettings {
        redisUrl = redisUrl.map(String::strip).filter(s -> !s.isEmpty());
        redisUrl.ifPresent(StateSettings::check);
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("the Redis command timeout must be positive");
        }
    }

    /** The default: everything in this process. */
    public static StateSettings inProcess() {
        return new StateSettings(Optional.empty(), DEFAULT_PREFIX, DEFAULT_TIMEOUT, DEFAULT_CONTEXT_IDLE);
    }

    /** Redis at this URL with the default prefix and timeout. */
    public static StateSettings redis(String url) {
        return new StateSettings(Optional.of(url), DEFAULT_PREFIX, DEFAULT_TIMEOUT, DEFAULT_CONTEXT_IDLE);
    }

    /** The same with another command timeout. */
    public StateSettings withCommandTimeout(Duration timeout) {
        return new StateSettings(redisUrl, keyPrefix, timeout, contextIdle);
    }

    /** The same with another key prefix. */
    public StateSettings withKeyPrefix(String prefix) {
        return new StateSettings(redisUrl, prefix, commandTimeout, contextIdle);
    }

    private static void check(String url) {
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new IllegalArgumentException("the Redis URL must start with redis:// or rediss://"
                    + " (e.g. redis://127.0.0.1:6379/0)");
        }
        try {
            io.lettuce.core.RedisURI.create(url);
        } catch (RuntimeException e) {
            // never echo the URL: it may hold a password
            throw new IllegalArgumentException("the Redis URL is not valid (expected redis://[:password@]host:port[/db])");
        }
    }

    /** The Redis endpoint as {@code host:port}, without any password: safe for logs. */
    public String describe() {
        return redisUrl.map(u -> {
            io.lettuce.core.RedisURI uri = io.lettuce.core.RedisURI.create(u);
            return "redis " + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
        }).orElse("in-process");
    }
}
