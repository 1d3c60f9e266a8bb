package io.reportbot.state;

/**
 * What the state store reports for monitoring, so that the metrics library stays in {@code io.reportbot.ops}.
 * Every argument is a fixed word, never a key or a value.
 *
 * <p>Implementations are thread-safe and fast (called on the answering threads).
 */
public interface StateListener {

    /** Reports nothing. */
    StateListener NONE = new StateListener() {
    };

    /**
     * An operation on the shared store failed or timed out and was degraded.
     *
     * @param operation {@code context}, {@code ledger}, {@code rate_limit}, {@code choice} or {@code ping}
     */
    default void failed(String operation) {
    }

    /** The store became reachable ({@code true}) or unreachable ({@code false}). */
    default void availabilityChanged(boolean available) {
    }
}
