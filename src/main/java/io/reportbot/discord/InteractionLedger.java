package io.reportbot.discord;

import io.reportbot.state.DeliveryLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this process should handle an interaction, so that one interaction is answered once even when two
 * processes receive it (two processes configured with the same shard, or a shard handed over while the old process
 * still runs). Backed by the {@link DeliveryLedger} shared by the replicas (Redis); {@link #LOCAL} when the process
 * runs alone (Discord sends an interaction to one gateway session only, so there is nothing to check).
 *
 * <p>Discord never redelivers an interaction to another session, and its token dies after 15 minutes, so there is no
 * lease to hand back: the first claim is marked answered at once. When the ledger cannot be asked (Redis down) the
 * interaction is handled: a possible duplicate is better than "The application did not respond".
 *
 * <p>Thread-safe.
 */
final class InteractionLedger {
    private static final Logger LOG = LoggerFactory.getLogger(InteractionLedger.class);

    /** Every interaction is this process's: for a single process. */
    static final InteractionLedger LOCAL = new InteractionLedger(null);

    private final DeliveryLedger ledger;

    private InteractionLedger(DeliveryLedger ledger) {
        this.ledger = ledger;
    }

    /** The shared ledger; null gives {@link #LOCAL}. */
    static InteractionLedger shared(DeliveryLedger ledger) {
        return ledger == null ? LOCAL : new InteractionLedger(ledger);
    }

    static String key(long interactionId) {
        return "discord:interaction:" + Long.toUnsignedString(interactionId);
    }

    /** True when this process should answer the interaction; false when another process took it already. */
    boolean firstTime(long interactionId) {
        if (ledger == null) {
            return true;
        }
        String key = key(interactionId);
        switch (ledger.claimAnswered(key)) { // claimed and marked answered at once: one round trip in Redis
            case FIRST -> {
                return true;
            }
            case UNCHECKED -> {
                return true;
            }
            default -> {
                LOG.debug("interaction {} is handled by another process", interactionId);
                return false;
            }
        }
    }
}
