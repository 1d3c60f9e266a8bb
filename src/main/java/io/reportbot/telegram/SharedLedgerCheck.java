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

    /**
     * True when this process should answer the update: it claimed it in the shared ledger, or the ledger could not
     * be asked and {@code localCheck} (this process's own memory of update ids) has not seen it. An update another
     * replica holds but has not answered is flagged in {@code awaited} (webhook mode), so that the endpoint asks
     * Telegram to deliver it again: if that replica died, the update is answered once its claim runs out.
     */
    static boolean claim(DeliveryLedger ledger, int updateId,
                         java.util.Map<Integer, java.util.concurrent.CompletableFuture<Boolean>> awaited,
                         java.util.function.IntPredicate localCheck) {
        switch (ledger.claim(key(updateId))) {
            case FIRST -> {
                localCheck.test(updateId); // remembered here too, for when the shared ledger is down
                return true;
            }
            case UNCHECKED -> {
                return localCheck.test(updateId);
            }
            case TAKEN -> {
                java.util.Optional.ofNullable(awaited.get(updateId)).ifPresent(f -> f.complete(false));
                return false;
            }
            default -> {
                return false;
            }
        }
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
