package io.reportbot.engine;

import io.reportbot.core.Language;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What each conversation was last about, so that "und in Euro?" or "and the year before?" can be answered
 * about it. Bounded: at most {@code maxConversations} (least recently used go first), and a conversation
 * idle for {@code idleExpiry} is forgotten, so memory stays flat however many people ask. Thread-safe.
 */
public final class Conversations {

    /**
     * What a conversation was last about.
     *
     * @param topics   the topic(s) of the last answer
     * @param language the language of the last answer
     * @param focus    the figures the last answer was about ("factId/valueKey"; empty: all of the topic's), so
     *                 that "und in Euro?" converts the figure that was asked for
     */
    public record Context(List<String> topics, Language language, java.util.Set<String> focus) {
        public Context {
            topics = List.copyOf(topics);
            focus = java.util.Set.copyOf(focus);
        }

        /** What a conversation was about, with no particular figure in focus. */
        public Context(List<String> topics, Language language) {
            this(topics, language, java.util.Set.of());
        }
    }

    public static final int DEFAULT_MAX = 10_000;
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);

    private final Cache<String, Context> cache;

    public Conversations() {
        this(DEFAULT_MAX, DEFAULT_IDLE, Ticker.systemTicker());
    }

    public Conversations(int maxConversations, Duration idleExpiry, Ticker ticker) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxConversations)
                .expireAfterAccess(idleExpiry)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    public Optional<Context> get(String conversationId) {
        return Optional.ofNullable(cache.getIfPresent(conversationId));
    }

    public void put(String conversationId, Context context) {
        cache.put(conversationId, context);
    }

    /** How many conversations are remembered now (after pending evictions). */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
