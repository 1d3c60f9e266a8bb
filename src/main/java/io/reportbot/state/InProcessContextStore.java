package io.reportbot.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * Conversation context in this process: at most {@code max} conversations (least recently used go first), each
 * forgotten after {@code idle} without use, so memory stays flat however many people ask. Keeps the objects
 * themselves (no serialisation). Thread-safe.
 */
public final class InProcessContextStore implements ContextStore {

    public static final int DEFAULT_MAX = 10_000;

    private final Cache<String, Object> cache;

    public InProcessContextStore(int max, Duration idle, Ticker ticker) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(max)
                .expireAfterAccess(idle)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public <T> Optional<T> get(String conversationKey, Class<T> type) {
        Object value = cache.getIfPresent(conversationKey);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    @Override
    public void put(String conversationKey, Object value) {
        cache.put(conversationKey, value);
    }

    @Override
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
