package io.reportbot.state;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lettuce connection to Redis (string keys, byte values), with every command bounded by the command timeout and
 * rejected at once while disconnected, so no caller ever waits longer than the timeout. A background thread connects
 * when the first attempt failed and pings once a second, so {@link #available()} follows Redis within a second.
 *
 * <p>Thread-safe (Lettuce connections are).
 */
final class RedisLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);
    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final StateSettings settings;
    private final StateListener listener;
    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService checker;
    private final AtomicBoolean up = new AtomicBoolean(false);
    private final AtomicBoolean everUp = new AtomicBoolean(false);
    private final Consumer<StatefulRedisConnection<String, byte[]>> onConnect;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile boolean closed;

    RedisLink(StateSettings settings, StateListener listener, Consumer<StatefulRedisConnection<String, byte[]>> onConnect) {
        this.settings = settings;
        this.listener = listener;
        this.onConnect = onConnect;
        Duration timeout = settings.commandTimeout();
        this.resources = ClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisURI uri = RedisURI.create(settings.redisUrl().orElseThrow());
        // the connection handshake (on the start-up and background threads only) may take longer in a cold JVM;
        // every command afterwards is bounded by the command timeout (TimeoutOptions and setTimeout below)
        uri.setTimeout(CONNECT_TIMEOUT.compareTo(timeout) > 0 ? CONNECT_TIMEOUT : timeout);
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                // TCP_NODELAY is Lettuce's default; said here since every answer's round trips depend on it
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).tcpNoDelay(true)
                        .build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        this.checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reportbot-redis-check");
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects now if Redis answers, else leaves it to the background check; never throws for Redis being down. */
    void start() {
        check();
        if (connection == null) {
            LOG.warn("{} is not reachable at start: answers go on, follow-ups and de-duplication degrade until it is",
                    settings.describe());
        } else {
            LOG.info("shared state in {}", settings.describe());
        }
        long every = CHECK_EVERY.toMillis();
        checker.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    private void check() {
        if (closed) {
            return;
        }
        StatefulRedisConnection<String, byte[]> c = connection;
        try {
            if (c == null) {
                c = client.connect(CODEC);
                c.setTimeout(settings.commandTimeout());
                onConnect.accept(c);
                connection = c;
            }
            c.sync().ping();
            markUp();
        } catch (RuntimeException e) {
            listener.failed("ping");
            markDown(e);
        }
    }

    /**
     * Runs one command, or returns {@code fallback} at once when Redis is not connected, and after at most the
     * command timeout when it does not answer. A failure is counted and logged once per outage.
     */
    <T> T call(String operation, Function<RedisCommands<String, byte[]>, T> command, T fallback) {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c == null || closed) {
            listener.failed(operation);
            return fallback;
        }
        try {
            T result = command.apply(c.sync());
            markUp();
            return result;
        } catch (RuntimeException e) {
            listener.failed(operation);
            markDown(e);
            return fallback;
        }
    }

    /**
     * Sends one command without waiting for its reply, or drops it at once when Redis is not connected. The command
     * is bounded by the command timeout like any other; a failure is counted and logged as in {@link #call}. Commands
     * on the one connection are applied in the order they are sent, so the reply to any later {@link #call} confirms
     * that this one was applied (or failed) before it.
     */
    void send(String operation, Function<RedisAsyncCommands<String, byte[]>, RedisFuture<?>> command) {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c == null || closed) {
            listener.failed(operation);
            return;
        }
        try {
            command.apply(c.async()).whenComplete((result, e) -> {
                if (e == null) {
                    markUp();
                } else {
                    listener.failed(operation);
                    markDown(e);
                }
            });
        } catch (RuntimeException e) {
            listener.failed(operation);
            markDown(e);
        }
    }

    /** Counts a failure that happened outside {@link #call} (Bucket4j's own calls). */
    void failed(String operation, RuntimeException e) {
        listener.failed(operation);
        markDown(e);
    }

    private void markUp() {
        if (up.compareAndSet(false, true)) {
            if (everUp.getAndSet(true)) {
                LOG.info("{} answers again: shared state restored", settings.describe());
            }
            listener.availabilityChanged(true);
        }
    }

    private void markDown(Throwable e) {
        if (up.compareAndSet(true, false)) {
            LOG.warn("{} is down ({}): answers go on, follow-ups and de-duplication degrade", settings.describe(),
                    e.getClass().getSimpleName());
            listener.availabilityChanged(false);
        }
    }

    boolean available() {
        return up.get() && connection != null;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        checker.shutdownNow();
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        resources.shutdown(0, 1, TimeUnit.SECONDS);
    }
}
