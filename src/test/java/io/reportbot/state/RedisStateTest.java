package io.reportbot.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.reportbot.core.Language;
import io.reportbot.state.DeliveryLedger.Claim;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract against a real redis-server, plus what only a shared store shows: two processes see one state. */
class RedisStateTest extends SharedStateContract {

    private static RedisServer redis;
    private static RedisClient raw;
    private static StatefulRedisConnection<String, String> rawConnection;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.startNew();
        raw = RedisClient.create(redis.url());
        rawConnection = raw.connect();
    }

    @AfterAll
    static void stopRedis() {
        rawConnection.close();
        raw.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        redis.close();
    }

    @Override
    protected SharedState open() {
        return StateStores.open(StateSettings.redis(redis.url()), StateListener.NONE);
    }

    private static RedisCommands<String, String> redisCli() {
        return rawConnection.sync();
    }

    @Test
    void itIsRedis() {
        assertThat(state).isInstanceOf(RedisState.class);
        assertThat(state.kind()).isEqualTo("redis");
    }

    @Test
    void twoInstancesOnOneRedisShareContextLedgerLimitsAndChoices() {
        try (SharedState other = open()) {
            state.contexts().put("shared:c", new Sample(List.of("unicorns"), Language.EN, "n"));
            state.ledger().markAnswered("shared:before"); // as a replica does after its answer: confirms the write
            assertThat(other.contexts().get("shared:c", Sample.class)).map(Sample::topics).contains(List.of("unicorns"));

            assertThat(state.ledger().claim("shared:u")).isEqualTo(Claim.FIRST);
            assertThat(other.ledger().claim("shared:u")).isEqualTo(Claim.TAKEN);
            state.ledger().markAnswered("shared:u");
            assertThat(other.ledger().claim("shared:u")).isEqualTo(Claim.ANSWERED);

            RateLimits.Limit limit = new RateLimits.Limit(2, Duration.ofMinutes(1));
            assertThat(state.rateLimits().tryConsume("shared:user", limit)).isTrue();
            assertThat(other.rateLimits().tryConsume("shared:user", limit)).isTrue();
            assertThat(state.rateLimits().tryConsume("shared:user", limit)).isFalse();
            assertThat(other.rateLimits().tryConsume("shared:user", limit)).isFalse();

            other.choices().put("shared:lang", "de");
            assertThat(state.choices().get("shared:lang")).contains("de");
        }
    }

    @Test
    void keysCarryTheirExpiries() {
        state.contexts().put("ttl:c", new Sample(List.of("x"), Language.DE, ""));
        state.choices().get("ttl:none"); // any later command of this state confirms the write
        assertThat(redisCli().pttl("reportbot:ctx:ttl:c")).isBetween(Duration.ofMinutes(29).toMillis(),
                Duration.ofMinutes(30).toMillis());
        redisCli().pexpire("reportbot:ctx:ttl:c", 1000);
        state.contexts().get("ttl:c", Sample.class); // reading restarts the idle time
        assertThat(redisCli().pttl("reportbot:ctx:ttl:c")).isGreaterThan(Duration.ofMinutes(29).toMillis());

        state.ledger().claim("ttl:u");
        assertThat(redisCli().get("reportbot:led:ttl:u")).isEqualTo("claimed");
        assertThat(redisCli().pttl("reportbot:led:ttl:u")).isBetween(1L, DeliveryLedgers.LEASE.toMillis());
        state.ledger().markAnswered("ttl:u");
        assertThat(redisCli().pttl("reportbot:led:ttl:u")).isGreaterThan(Duration.ofHours(23).toMillis());

        state.choices().put("ttl:lang", "en");
        assertThat(redisCli().ttl("reportbot:choice:ttl:lang")).isGreaterThan(Duration.ofDays(29).toSeconds());

        state.rateLimits().tryConsume("ttl:user", new RateLimits.Limit(5, Duration.ofMinutes(1)));
        List<String> buckets = redisCli().keys("reportbot:rl:ttl:user*");
        assertThat(buckets).hasSize(1);
        assertThat(redisCli().pttl(buckets.get(0))).isPositive();
    }

    @Test
    void aContextWriteIsInRedisForEveryReplicaOnceTheWriterMarksItsUpdateAnswered() {
        try (SharedState other = open()) {
            for (int i = 0; i < 200; i++) { // the write is not waited for; the mark after it is, on one connection
                state.ledger().claim("ryw:u" + i);
                state.contexts().put("ryw:c", new Sample(List.of("t" + i), Language.EN, ""));
                state.ledger().markAnswered("ryw:u" + i);
                assertThat(other.ledger().claim("ryw:u" + i)).isEqualTo(Claim.ANSWERED);
                assertThat(other.contexts().get("ryw:c", Sample.class)).map(Sample::topics)
                        .as("turn " + i).contains(List.of("t" + i));
            }
        }
    }

    @Test
    void aClaimAnsweredAtOnceIsKeptADayInOneScriptThatSurvivesAScriptFlush() {
        assertThat(state.ledger().claimAnswered("once:u")).isEqualTo(Claim.FIRST);
        assertThat(redisCli().get("reportbot:led:once:u")).isEqualTo("answered");
        assertThat(redisCli().pttl("reportbot:led:once:u")).isGreaterThan(Duration.ofHours(23).toMillis());
        assertThat(state.ledger().claimAnswered("once:u")).isEqualTo(Claim.ANSWERED);

        redisCli().scriptFlush(); // as after a Redis restart: NOSCRIPT, then the script is sent whole once
        state.ledger().claim("once:held");
        assertThat(state.ledger().claimAnswered("once:held")).isEqualTo(Claim.TAKEN);
        assertThat(redisCli().get("reportbot:led:once:held")).as("left to its holder").isEqualTo("claimed");
        assertThat(state.ledger().claimAnswered("once:v")).isEqualTo(Claim.FIRST);
    }

    @Test
    void aClaimWhoseHolderDiedCanBeTakenWhenTheLeaseEnds() {
        assertThat(state.ledger().claim("lease:u")).isEqualTo(Claim.FIRST);
        redisCli().pexpire("reportbot:led:lease:u", 1); // as if the lease had run out
        sleep(20);
        assertThat(state.ledger().claim("lease:u")).isEqualTo(Claim.FIRST);
    }

    @Test
    void theKeyPrefixSeparatesTwoBotsOnOneRedis() {
        try (SharedState other = StateStores.open(StateSettings.redis(redis.url()).withKeyPrefix("otherbot:"),
                StateListener.NONE)) {
            state.ledger().claim("prefix:u");
            assertThat(other.ledger().claim("prefix:u")).isEqualTo(Claim.FIRST);
            state.contexts().put("prefix:c", new Sample(List.of("x"), Language.DE, ""));
            assertThat(other.contexts().get("prefix:c", Sample.class)).isEmpty();
        }
    }

    @Test
    void aStoredValueOfAnotherShapeCountsAsNone() {
        redisCli().set("reportbot:ctx:shape:c", "{\"topics\":42}");
        assertThat(state.contexts().get("shape:c", Sample.class)).isEmpty();
        redisCli().set("reportbot:ctx:shape:d", "not json");
        assertThat(state.contexts().get("shape:d", Sample.class)).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
