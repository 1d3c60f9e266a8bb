package io.reportbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.state.DeliveryLedger;
import io.reportbot.state.InProcessState;
import io.reportbot.state.StateSettings;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The Telegram receiver's use of the shared ledger: answer once, ask for a redelivery while another replica holds it. */
class SharedLedgerCheckTest {

    private final DeliveryLedger ledger = new InProcessState(StateSettings.inProcess()).ledger();
    private final Map<Integer, CompletableFuture<Boolean>> awaited = new ConcurrentHashMap<>();
    private final Set<Integer> seenHere = new HashSet<>();

    private boolean claim(DeliveryLedger l, int id) {
        return SharedLedgerCheck.claim(l, id, awaited, seenHere::add);
    }

    @Test
    void theFirstClaimAnswersAndAnAnsweredUpdateIsNotAnsweredAgain() {
        assertThat(claim(ledger, 1)).isTrue();
        SharedLedgerCheck.settle(ledger, 1, true);
        assertThat(claim(ledger, 1)).isFalse();
        assertThat(awaited).isEmpty();
    }

    @Test
    void anUpdateHeldElsewhereIsSkippedAndItsWebhookRequestAsksForARedelivery() {
        CompletableFuture<Boolean> request = new CompletableFuture<>();
        ledger.claim(SharedLedgerCheck.key(2)); // another replica holds it
        awaited.put(2, request);
        assertThat(claim(ledger, 2)).isFalse();
        assertThat(request).isCompletedWithValue(false);
    }

    @Test
    void anAnswerCutShortIsReleasedForTheNextDelivery() {
        assertThat(claim(ledger, 3)).isTrue();
        SharedLedgerCheck.settle(ledger, 3, false);
        assertThat(claim(ledger, 3)).as("even though this process saw it before").isTrue();
    }

    @Test
    void withTheLedgerDownThisProcessStillAnswersEachUpdateOnce() {
        DeliveryLedger down = new DeliveryLedger() {
            @Override
            public Claim claim(String key) {
                return Claim.UNCHECKED;
            }

            @Override
            public void markAnswered(String key) {
            }

            @Override
            public void release(String key) {
            }
        };
        assertThat(claim(down, 4)).isTrue();
        assertThat(claim(down, 4)).isFalse();
    }
}
