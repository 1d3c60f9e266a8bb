package io.reportbot.discord;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs off when a shard's gateway connections keep ending before a session starts.
 *
 * <p>Why: once a shard has a session, JDA 6.5 resumes after every disconnect with no delay at all
 * ({@code WebSocketClient.reconnect} sets its delay to 0 whenever a session id exists). A gateway that accepts the
 * connection and closes it before HELLO (1001, e.g. behind a failing proxy or during an outage) is then redialled as
 * fast as the machine can: about 3,760 times in 10 s in a probe, 1,820 in 8 s here.
 *
 * <p>How: JDA fires {@link SessionDisconnectEvent} on the gateway thread right before it reconnects, and listeners
 * run on that thread. The first disconnect after a working session passes at once (a resume is usually what fixes
 * it); each further one without a READY or RESUMED in between waits {@code base}, 2 × {@code base}, 4 × … up to
 * {@code max}. READY or RESUMED resets the count. {@link #close()} ends every wait (shutdown).
 *
 * <p>Thread-safe: shards disconnect independently.
 */
final class GatewayBackOff extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayBackOff.class);

    private final Duration base;
    private final Duration max;
    /** Disconnects in a row without a session started in between, per shard id. */
    private final Map<Integer, Integer> failures = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    GatewayBackOff(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    /** 1 s, doubling up to 60 s. */
    static GatewayBackOff standard() {
        return new GatewayBackOff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** The wait before reconnecting after the {@code n}th disconnect in a row (n ≥ 1). */
    Duration delay(int n) {
        if (n <= 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(n - 2, 30);
        long millis = base.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    @Override
    public void onSessionDisconnect(SessionDisconnectEvent event) {
        int shard = shard(event.getJDA());
        int n = failures.merge(shard, 1, Integer::sum);
        Duration wait = delay(n);
        if (wait.isZero()) {
            return;
        }
        int code = event.getServiceCloseFrame() == null ? -1 : event.getServiceCloseFrame().getCloseCode();
        LOG.warn("shard {}: the gateway connection ended before a session started ({} in a row, close code {}); "
                + "reconnecting in {} s", shard, n - 1, code, wait.toMillis() / 1000.0);
        try {
            closed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onReady(ReadyEvent event) {
        failures.remove(shard(event.getJDA()));
    }

    @Override
    public void onSessionRecreate(SessionRecreateEvent event) {
        failures.remove(shard(event.getJDA()));
    }

    @Override
    public void onSessionResume(SessionResumeEvent event) {
        failures.remove(shard(event.getJDA()));
    }

    /** Ends every wait at once and waits no more (shutdown). */
    void close() {
        closed.countDown();
    }

    private static int shard(JDA jda) {
        return jda.getShardInfo().getShardId();
    }
}
