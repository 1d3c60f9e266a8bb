package io.reportbot.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.reportbot.core.Language;
import io.reportbot.state.DeliveryLedger.Claim;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The contract in this process, plus the expiries a fake clock can show quickly. */
class InProcessStateTest extends SharedStateContract {

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;

    @Override
    protected SharedState open() {
        return new InProcessState(StateSettings.inProcess(), ticker);
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void aContextIsForgottenAfterThirtyIdleMinutesButKeptWhileUsed() {
        state.contexts().put("c", new Sample(List.of("x"), Language.DE, ""));
        advance(Duration.ofMinutes(29));
        assertThat(state.contexts().get("c", Sample.class)).isPresent(); // reading restarts the idle time
        advance(Duration.ofMinutes(29));
        assertThat(state.contexts().get("c", Sample.class)).isPresent();
        advance(Duration.ofMinutes(31));
        assertThat(state.contexts().get("c", Sample.class)).isEmpty();
    }

    @Test
    void aClaimWhoseHolderNeverAnsweredCanBeTakenAfterTheLease() {
        assertThat(state.ledger().claim("u")).isEqualTo(Claim.FIRST);
        advance(DeliveryLedgers.LEASE.minusSeconds(1));
        assertThat(state.ledger().claim("u")).isEqualTo(Claim.TAKEN);
        advance(Duration.ofSeconds(2));
        assertThat(state.ledger().claim("u")).isEqualTo(Claim.FIRST);
    }

    @Test
    void aRateLimitRefillsOverItsPeriod() {
        RateLimits.Limit limit = new RateLimits.Limit(2, Duration.ofMinutes(1));
        assertThat(state.rateLimits().tryConsume("k", limit)).isTrue();
        assertThat(state.rateLimits().tryConsume("k", limit)).isTrue();
        assertThat(state.rateLimits().tryConsume("k", limit)).isFalse();
        advance(Duration.ofSeconds(31));
        assertThat(state.rateLimits().tryConsume("k", limit)).isTrue();
        assertThat(state.rateLimits().tryConsume("k", limit)).isFalse();
    }

    @Test
    void itIsInProcess() {
        assertThat(state.kind()).isEqualTo("in-process");
        assertThat(StateStores.open(StateSettings.inProcess(), StateListener.NONE)).isInstanceOf(InProcessState.class);
    }
}
