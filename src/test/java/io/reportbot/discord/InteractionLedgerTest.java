package io.reportbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.state.DeliveryLedger;
import io.reportbot.state.InProcessState;
import io.reportbot.state.StateSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which process handles an interaction: the first to claim its id in the shared ledger. */
class InteractionLedgerTest {

    @Test
    void twoProcessesOnOneLedgerHandleAnInteractionOnce() {
        DeliveryLedger shared = new InProcessState(StateSettings.inProcess()).ledger();
        InteractionLedger a = InteractionLedger.shared(shared);
        InteractionLedger b = InteractionLedger.shared(shared);
        assertThat(a.firstTime(1_577_226_573_306_658_817L)).isTrue();
        assertThat(b.firstTime(1_577_226_573_306_658_817L)).as("the other process").isFalse();
        assertThat(a.firstTime(1_577_226_573_306_658_817L)).as("a repeat to the same process").isFalse();
        assertThat(b.firstTime(1_577_226_573_306_658_818L)).as("another interaction").isTrue();
    }

    @Test
    void theFirstClaimIsMarkedAnsweredAtOnceSinceDiscordNeverRedelivers() {
        List<String> calls = new ArrayList<>();
        InteractionLedger ledger = InteractionLedger.shared(recording(DeliveryLedger.Claim.FIRST, calls));
        assertThat(ledger.firstTime(42)).isTrue();
        assertThat(calls).containsExactly("claim discord:interaction:42", "answered discord:interaction:42");
    }

    @Test
    void whenTheLedgerCannotBeAskedTheInteractionIsAnsweredAnyway() {
        List<String> calls = new ArrayList<>();
        assertThat(InteractionLedger.shared(recording(DeliveryLedger.Claim.UNCHECKED, calls)).firstTime(42)).isTrue();
        assertThat(calls).containsExactly("claim discord:interaction:42");
        assertThat(InteractionLedger.shared(recording(DeliveryLedger.Claim.TAKEN, calls)).firstTime(43)).isFalse();
    }

    @Test
    void aProcessAloneHandlesEverything() {
        assertThat(InteractionLedger.shared(null)).isSameAs(InteractionLedger.LOCAL);
        assertThat(InteractionLedger.LOCAL.firstTime(42)).isTrue();
        assertThat(InteractionLedger.LOCAL.firstTime(42)).isTrue();
    }

    @Test
    void anIdAboveLongMaxIsKeyedUnsigned() {
        assertThat(InteractionLedger.key(-1L)).isEqualTo("discord:interaction:18446744073709551615");
    }

    private static DeliveryLedger recording(DeliveryLedger.Claim outcome, List<String> calls) {
        return new DeliveryLedger() {
            @Override
            public Claim claim(String key) {
                calls.add("claim " + key);
                return outcome;
            }

            @Override
            public void markAnswered(String key) {
                calls.add("answered " + key);
            }

            @Override
            public void release(String key) {
                calls.add("release " + key);
            }
        };
    }
}
