package io.reportbot.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.reportbot.core.Language;
import io.reportbot.state.DeliveryLedger.Claim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis down, killed or stalled: every operation returns within the command timeout (plus slack), degrades as the
 * interfaces say, and the listener sees the failures and the outage; when Redis is back, so is the state.
 */
class RedisOutageTest {

    /** Far above the 200 ms command timeout, far below a hang. */
    private static final long NO_HANG_MILLIS = 2_000;

    record Sample(List<String> topics, Language language) {
    }

    /** Counts what the store reports. */
    static final class Recorder implements StateListener {
        final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        final List<Boolean> changes = new CopyOnWriteArrayList<>();

        @Override
        public void failed(String operation) {
            failures.computeIfAbsent(operation, k -> new LongAdder()).increment();
        }

        @Override
        public void availabilityChanged(boolean available) {
            changes.add(available);
        }

        long failures(String operation) {
            LongAdder a = failures.get(operation);
            return a == null ? 0 : a.sum();
        }
    }

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private SharedState open(RedisServer redis, Recorder recorder) {
        SharedState s = StateStores.open(StateSettings.redis(redis.url()), recorder);
        toClose.add(s);
        return s;
    }

    private RedisServer server() {
        RedisServer r = RedisServer.startNew();
        toClose.add(r);
        return r;
    }

    /** Runs every kind of operation once and checks that each returned its degraded value without hanging. */
    private static void everyOperationDegrades(SharedState state) {
        timed(() -> assertThat(state.contexts().get("c", Sample.class)).isEmpty());
        timed(() -> state.contexts().put("c", new Sample(List.of("x"), Language.DE)));
        timed(() -> assertThat(state.ledger().claim("u")).isEqualTo(Claim.UNCHECKED));
        timed(() -> assertThat(state.ledger().claimAnswered("v")).isEqualTo(Claim.UNCHECKED));
        timed(() -> state.ledger().markAnswered("u"));
        timed(() -> state.ledger().release("u"));
        timed(() -> assertThat(state.rateLimits().tryConsume("r", new RateLimits.Limit(1, Duration.ofMinutes(1))))
                .isTrue());
        timed(() -> assertThat(state.choices().get("l")).isEmpty());
        timed(() -> state.choices().put("l", "de"));
    }

    private static void timed(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        assertThat(Duration.ofNanos(System.nanoTime() - t0).toMillis()).isLessThan(NO_HANG_MILLIS);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void openingWhileRedisIsDownWorksDegradedAndConnectsWhenRedisComes() throws Exception {
        RedisServer redis = server();
        redis.kill();
        Recorder recorder = new Recorder();
        SharedState state = timedOpen(redis, recorder);
        assertThat(state.available()).isFalse();
        everyOperationDegrades(state);
        assertThat(recorder.failures("context")).isEqualTo(2);
        assertThat(recorder.failures("ledger")).isEqualTo(4);
        assertThat(recorder.failures("rate_limit")).isEqualTo(1);
        assertThat(recorder.failures("choice")).isEqualTo(2);
        assertThat(recorder.failures("ping")).isPositive();

        redis.start();
        await(state::available, "the store to connect");
        state.choices().put("back", "en");
        assertThat(state.choices().get("back")).contains("en");
        assertThat(recorder.changes).endsWith(true);
    }

    private SharedState timedOpen(RedisServer redis, Recorder recorder) {
        long t0 = System.nanoTime();
        SharedState state = open(redis, recorder);
        assertThat(Duration.ofNanos(System.nanoTime() - t0).toMillis()).isLessThan(NO_HANG_MILLIS);
        return state;
    }

    @Test
    void killingRedisMidUseNeverHangsACallerAndTheStateComesBackWithRedis() throws Exception {
        RedisServer redis = server();
        Recorder recorder = new Recorder();
        SharedState state = open(redis, recorder);
        assertThat(state.available()).isTrue();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong slowest = new AtomicLong();
        LongAdder calls = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> loops = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            loops.add(pool.submit(() -> {
                int i = 0;
                while (running.get()) {
                    long t0 = System.nanoTime();
                    String k = "load:" + thread + ":" + (i++ % 50);
                    state.contexts().put(k, new Sample(List.of("x"), Language.EN));
                    state.contexts().get(k, Sample.class);
                    state.ledger().claim(k + ":" + i);
                    state.rateLimits().tryConsume(k, new RateLimits.Limit(1000, Duration.ofMinutes(1)));
                    slowest.accumulateAndGet(System.nanoTime() - t0, Math::max);
                    calls.increment();
                }
            }));
        }
        await(() -> calls.sum() >= 20, "the callers to get going");
        long before = calls.sum();
        redis.kill();
        await(() -> !state.available(), "the store to notice the outage");
        long atOutage = calls.sum();
        Thread.sleep(500);
        assertThat(calls.sum()).as("callers go on during the outage").isGreaterThan(atOutage);
        everyOperationDegrades(state);
        redis.start();
        await(state::available, "the store to reconnect");
        Thread.sleep(200);
        running.set(false);
        for (Future<?> f : loops) {
            f.get(5, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(before).isPositive();
        assertThat(Duration.ofNanos(slowest.get()).toMillis()).as("slowest round of four calls").isLessThan(NO_HANG_MILLIS);
        assertThat(recorder.failures.values().stream().mapToLong(LongAdder::sum).sum()).isPositive();
        assertThat(recorder.changes).containsSubsequence(false, true);
        // after the restart (an empty Redis) the state works again
        state.contexts().put("after", new Sample(List.of("y"), Language.DE));
        assertThat(state.contexts().get("after", Sample.class)).map(Sample::topics).contains(List.of("y"));
        assertThat(state.ledger().claim("after:u")).isEqualTo(Claim.FIRST);
    }

    @Test
    void aStalledRedisTimesOutInsteadOfHoldingTheAnswer() throws Exception {
        RedisServer redis = server();
        Recorder recorder = new Recorder();
        SharedState state = open(redis, recorder);
        RedisClient raw = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> c = raw.connect()) {
            c.sync().clientPause(3_000); // every client's commands wait 3 s
            long t0 = System.nanoTime();
            assertThat(state.ledger().claim("stalled")).isEqualTo(Claim.UNCHECKED);
            long took = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            assertThat(took).as("given up after the 200 ms timeout, not after the 3 s pause").isLessThan(1_500);
            assertThat(recorder.failures("ledger")).isEqualTo(1);

            t0 = System.nanoTime();
            state.contexts().put("stalled", new Sample(List.of("x"), Language.EN));
            assertThat(Duration.ofNanos(System.nanoTime() - t0).toMillis()).as("a context write is not waited for")
                    .isLessThan(1_500);
            await(() -> recorder.failures("context") == 1, "the unanswered context write to time out and be counted");
        } finally {
            raw.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }
}
