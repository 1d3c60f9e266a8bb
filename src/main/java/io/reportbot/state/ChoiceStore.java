package io.reportbot.state;

import java.util.Optional;

/**
 * Small choices a user or chat made, such as the {@code /lang} language or the chosen report, as text per key
 * (e.g. {@code telegram:lang:4711} → {@code de}). Kept for 30 days after the last write.
 *
 * <p>When the store cannot be reached, {@link #get} finds nothing (the default applies) and {@link #put} is dropped.
 * Implementations are thread-safe.
 */
public interface ChoiceStore {

    /** Choices in this process only (bounded, 30 days), for a process that shares nothing. */
    static ChoiceStore inProcess() {
        return new InProcessChoices(com.github.benmanes.caffeine.cache.Ticker.systemTicker());
    }

    /** The choice stored under this key, if any. */
    Optional<String> get(String key);

    /** Stores a choice, replacing the previous one. */
    void put(String key, String value);
}
