package io.reportbot.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.adapter.RateGate.Allowance;
import io.reportbot.adapter.RateGate.Verdict;
import io.reportbot.ops.BotEvents;
import io.reportbot.state.InProcessState;
import io.reportbot.state.RateLimits;
import io.reportbot.state.RedisServer;
import io.reportbot.state.SharedState;
import io.reportbot.state.StateListener;
import io.reportbot.state.StateSettings;
import io.reportbot.state.StateStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one real redis-server (each with its own connection, as two processes have) count against one
 * allowance per user and per chat; without Redis each process keeps its own.
 */
class SharedRateGateTest {
    private static final RateLimits.Limit SIX_A_MINUTE = new RateLimits.Limit(6, Duration.ofMinutes(1));
    private static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.startNew();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    private static SharedState replica(String prefix) {
        // a generous timeout: a command that times out fails open, which a cold JVM must not turn into a flaky count
        return StateStores.open(StateSettings.redis(redis.url()).withKeyPrefix(prefix)
                .withCommandTimeout(Duration.ofSeconds(2)), StateListener.NONE);
    }

    private static RateGate gate(String platform, RateLimits limits) {
        return new RateGate(platform, limits, BotEvents.NONE, Allowance.user(SIX_A_MINUTE), Allowance.chat(SIX_A_MINUTE));
    }

    /** Alternates the questions of one user in one chat between two gates, as a load balancer would. */
    private static List<Verdict> alternate(RateGate a, RateGate b, int questions) {
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            verdicts.add((i % 2 == 0 ? a : b).admit("4711", "-100"));
        }
        return verdicts;
    }

    @Test
    void twoReplicasOnOneRedisShareOneAllowance() {
        try (SharedState one = replica("t1:"); SharedState two = replica("t1:")) {
            for (String platform : List.of("telegram", "discord")) {
                List<Verdict> verdicts = alternate(gate(platform, one.rateLimits()), gate(platform, two.rateLimits()), 12);
                assertThat(verdicts.stream().filter(v -> v == Verdict.ADMIT).count()).as(platform).isEqualTo(6);
                assertThat(verdicts.subList(0, 6)).as(platform).containsOnly(Verdict.ADMIT);
                assertThat(verdicts.subList(6, 12)).as(platform).doesNotContain(Verdict.ADMIT);
            }
            assertThat(gate("discord", two.rateLimits()).admit("4712", "-101")).as("another user elsewhere")
                    .isEqualTo(Verdict.ADMIT);
        }
    }

    @Test
    void aChatsAllowanceIsSharedByItsUsersAcrossReplicas() {
        try (SharedState one = replica("t2:"); SharedState two = replica("t2:")) {
            RateGate a = gate("discord", one.rateLimits());
            RateGate b = gate("discord", two.rateLimits());
            int admitted = 0;
            for (int user = 0; user < 12; user++) {
                admitted += (user % 2 == 0 ? a : b).admit("u" + user, "555") == Verdict.ADMIT ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(6);
        }
    }

    @Test
    void inProcessEachReplicaKeepsItsOwnAllowance() {
        RateLimits one = new InProcessState(StateSettings.inProcess()).rateLimits();
        RateLimits two = new InProcessState(StateSettings.inProcess()).rateLimits();
        List<Verdict> verdicts = alternate(gate("telegram", one), gate("telegram", two), 12);
        assertThat(verdicts).containsOnly(Verdict.ADMIT);
    }
}
