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
}
