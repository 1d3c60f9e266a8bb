package io.reportbot.engine;

/**
 * Told about every question the engine could not answer (for the unanswered-questions log). Called on the
 * answering thread; an exception it throws is logged and otherwise ignored, so answering never depends on it.
 */
@FunctionalInterface
public interface FallbackListener {

    void fellBack(Inbound question, Reply reply);

    /** A listener that does nothing. */
    FallbackListener NONE = (q, r) -> { };

    /**
     * Tells the listener about a reply that fell back after classifying (input problems are not worth logging);
     * a failing listener is logged, never passed on.
     */
    static void tell(FallbackListener listener, Inbound question, Reply reply) {
        if (reply.fallback() && !reply.ranking().isEmpty()) {
            try {
                listener.fellBack(question, reply);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(FallbackListener.class)
                        .warn("the fallback listener failed ({}); answering goes on", e.toString());
            }
        }
    }
}
