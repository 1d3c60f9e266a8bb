package io.reportbot.telegram;

import io.reportbot.state.DeliveryLedger;

/**
 * The adapter point between the Telegram receiver and the ledger shared by replicas ({@link DeliveryLedger}, Redis):
 * claim an update before answering it, mark it answered after, release it when the answer was cut short so that a
 * redelivery to any replica answers it. Stateless.
 */
final class SharedLedgerCheck {

    private SharedLedgerCheck() {
    }

    static String key(int updateId) {
        return "telegram:update:" + updateId;
    }

    /** True when this process should answer the update (it claimed it, or the ledger could not be asked). */
    static boolean claim(DeliveryLedger ledger, int updateId) {
        DeliveryLedger.Claim claim = ledger.claim(key(updateId));
        return claim == DeliveryLedger.Claim.FIRST || claim == DeliveryLedger.Claim.UNCHECKED;
    }

    /** After the answer: answered (or failed for good, so not worth another try), else released for a redelivery. */
    static void settle(DeliveryLedger ledger, int updateId, boolean done) {
        if (ledger == null) {
            return;
        }
        if (done) {
            ledger.markAnswered(key(updateId));
        } else {
            ledger.release(key(updateId));
        }
    }
}
