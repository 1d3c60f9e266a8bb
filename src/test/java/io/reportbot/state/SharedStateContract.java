package io.reportbot.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import io.reportbot.state.DeliveryLedger.Claim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SharedState} does, run once per implementation (in-process and Redis). */
abstract class SharedStateContract {

    /** A context value shaped like the engine's: a list, an enum, text. */
    record Sample(List<String> topics, Language language, String note) {
        Sample {
            topics = List.copyOf(topics);
        }
    }

    protected SharedState state;
    private final String run = "t" + System.nanoTime() + ":";

    protected abstract SharedState open();

    @BeforeEach
    void openState() {
        state = open();
    }

    @AfterEach
    void closeState() {
        state.close();
    }

    private String key(String k) {
        return run + k;
    }

    @Test
    void aContextReadsBackAsItWasStored() {
        Sample s = new Sample(List.of("unicorns", "industry_size"), Language.DE, "Einhörner – ü");
        state.contexts().put(key("c1"), s);
        assertThat(state.contexts().get(key("c1"), Sample.class)).contains(s);
    }

    @Test
    void aContextIsReplacedAndKeptPerConversation() {
        state.contexts().put(key("a"), new Sample(List.of("x"), Language.EN, ""));
        state.contexts().put(key("a"), new Sample(List.of("y"), Language.DE, ""));
        state.contexts().put(key("b"), new Sample(List.of("z"), Language.EN, ""));
        assertThat(state.contexts().get(key("a"), Sample.class)).map(Sample::topics).contains(List.of("y"));
        assertThat(state.contexts().get(key("b"), Sample.class)).map(Sample::topics).contains(List.of("z"));
        assertThat(state.contexts().get(key("none"), Sample.class)).isEmpty();
    }

    @Test
    void aClaimIsFirstOnceThenTakenThenAnswered() {
        assertThat(state.ledger().claim(key("u1"))).isEqualTo(Claim.FIRST);
        assertThat(state.ledger().claim(key("u1"))).isEqualTo(Claim.TAKEN);
        state.ledger().markAnswered(key("u1"));
        assertThat(state.ledger().claim(key("u1"))).isEqualTo(Claim.ANSWERED);
        assertThat(state.ledger().claim(key("u2"))).isEqualTo(Claim.FIRST);
    }

    @Test
    void aClaimAnsweredAtOnceIsFirstOnceThenAnsweredForEveryClaim() {
        assertThat(state.ledger().claimAnswered(key("o1"))).isEqualTo(Claim.FIRST);
        assertThat(state.ledger().claimAnswered(key("o1"))).isEqualTo(Claim.ANSWERED);
        assertThat(state.ledger().claim(key("o1"))).isEqualTo(Claim.ANSWERED);
        state.ledger().release(key("o1"));
        assertThat(state.ledger().claim(key("o1"))).as("an answered key is not released").isEqualTo(Claim.ANSWERED);

        assertThat(state.ledger().claim(key("o2"))).isEqualTo(Claim.FIRST);
        assertThat(state.ledger().claimAnswered(key("o2"))).isEqualTo(Claim.TAKEN);
        state.ledger().release(key("o2"));
        assertThat(state.ledger().claim(key("o2"))).as("the holder's claim was left alone").isEqualTo(Claim.FIRST);
    }

    @Test
    void aReleasedClaimCanBeTakenAgainButAnAnsweredOneStaysAnswered() {
        state.ledger().claim(key("r1"));
        state.ledger().release(key("r1"));
        assertThat(state.ledger().claim(key("r1"))).isEqualTo(Claim.FIRST);
        state.ledger().markAnswered(key("r1"));
        state.ledger().release(key("r1"));
        assertThat(state.ledger().claim(key("r1"))).isEqualTo(Claim.ANSWERED);
    }

    @Test
    void amongManyConcurrentClaimsExactlyOneIsFirst() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String k = key("race" + round);
                List<Callable<Claim>> tasks = new ArrayList<>();
                for (int i = 0; i < 8; i++) { // both ways of claiming, mixed
                    tasks.add(i % 2 == 0 ? () -> state.ledger().claim(k) : () -> state.ledger().claimAnswered(k));
                }
                long first = 0;
                for (Future<Claim> f : pool.invokeAll(tasks)) {
                    first += f.get() == Claim.FIRST ? 1 : 0;
                }
                assertThat(first).as("round " + round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRateLimitLetsTheCapacityThroughThenRefusesPerKey() {
        RateLimits.Limit limit = new RateLimits.Limit(3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertThat(state.rateLimits().tryConsume(key("user:1"), limit)).as("question " + (i + 1)).isTrue();
        }
        assertThat(state.rateLimits().tryConsume(key("user:1"), limit)).isFalse();
        assertThat(state.rateLimits().tryConsume(key("user:2"), limit)).isTrue();
    }

    @Test
    void aChoiceReadsBackAndIsReplaced() {
        assertThat(state.choices().get(key("lang:1"))).isEmpty();
        state.choices().put(key("lang:1"), "de");
        state.choices().put(key("lang:1"), "en");
        state.choices().put(key("lang:2"), "de");
        assertThat(state.choices().get(key("lang:1"))).contains("en");
        assertThat(state.choices().get(key("lang:2"))).contains("de");
    }

    @Test
    void itIsAvailableWhileItsStoreRuns() {
        assertThat(state.available()).isTrue();
    }
}
