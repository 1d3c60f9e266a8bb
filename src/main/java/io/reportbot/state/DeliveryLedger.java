package io.reportbot.state;

/**
 * Which updates (Telegram) and interactions (Discord) were already taken or answered, so that one delivered twice,
 * or to two replicas, is answered once.
 *
 * <p>A receiver {@link #claim}s a key before answering and {@link #markAnswered marks} it after the answer was sent.
 * A claim is a lease: if its holder dies before marking it, the key becomes claimable again when the lease ends, so a
 * redelivered update is not lost. An answered key is remembered for a day (Telegram keeps undelivered updates for 24
 * hours).
 *
 * <pre>{@code
 * switch (ledger.claim("telegram:" + updateId)) {
 *     case FIRST, UNCHECKED -> { answer(); ledger.markAnswered("telegram:" + updateId); }
 *     case TAKEN -> askForRedeliveryLater();
 *     case ANSWERED -> { } // a repeat: drop it
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
public interface DeliveryLedger {

    /** The outcome of a {@link #claim}. */
    enum Claim {
        /** Nobody had it: the caller owns it now and should answer it. */
        FIRST,
        /** Another receiver holds a live claim and has not answered yet. */
        TAKEN,
        /** Answered already: drop the repeat. */
        ANSWERED,
        /** The store could not be asked (Redis down): answer it, at the risk of a duplicate. */
        UNCHECKED
    }

    /** Claims a key (in Redis: {@code SET key claimed NX PX lease}). */
    Claim claim(String key);

    /**
     * Claims a key and marks it answered in one step, for a receiver that never hands a claim back (Discord never
     * redelivers an interaction): {@link Claim#FIRST} means the caller owns it and everybody else finds it
     * {@link Claim#ANSWERED} from now on. Same outcomes as {@link #claim}; in Redis one round trip instead of two.
     */
    default Claim claimAnswered(String key) {
        Claim claim = claim(key);
        if (claim == Claim.FIRST) {
            markAnswered(key);
        }
        return claim;
    }

    /** Marks a claimed key as answered (kept for a day). */
    void markAnswered(String key);

    /** Gives up a claim without answering (it failed, or the process is stopping): another receiver may take it. */
    void release(String key);
}
