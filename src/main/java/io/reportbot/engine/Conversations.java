package io.reportbot.engine;

import io.reportbot.core.Language;

import com.github.benmanes.caffeine.cache.Ticker;
import io.reportbot.state.ContextStore;
import io.reportbot.state.InProcessContextStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What each conversation was last about, so that "und in Euro?" or "and the year before?" can be answered
 * about it. Bounded: at most {@code maxConversations} (least recently used go first), and a conversation
 * idle for {@code idleExpiry} is forgotten, so memory stays flat however many people ask. Thread-safe.
 *
 * <p>The contexts live in a {@link ContextStore}: in this process by default, or in Redis, so that several replicas
 * continue each other's conversations (the {@link Context} is then stored as JSON: keep it a plain record).
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
    public record Context(List<String> topics, Language language, java.util.Set<String> focus, boolean declined) {
        public Context {
            topics = List.copyOf(topics);
            focus = java.util.Set.copyOf(focus == null ? java.util.Set.of() : focus);
        }

        /** What a conversation was last answered about, and the figure(s) in focus. */
        public Context(List<String> topics, Language language, java.util.Set<String> focus) {
            this(topics, language, focus, false);
        }

        /**
         * A question about these topics that was declined because it named another place ("und in Shanghai?"): only
         * a turn that names the report's own place leans on it ("und in Beijing?").
         */
        public static Context declined(String topic, Language language) {
            return new Context(List.of(topic), language, java.util.Set.of(), true);
        }

        /** What a conversation was about, with no particular figure in focus. */
        public Context(List<String> topics, Language language) {
            this(topics, language, java.util.Set.of());
        }
    }

    /** The report a conversation is about, kept under its own key. */
    record ReportPick(String report) {
    }

    private static final String REPORT_KEY = "report:";

    public static final int DEFAULT_MAX = 10_000;
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);

    private final ContextStore store;

    public Conversations() {
        this(DEFAULT_MAX, DEFAULT_IDLE, Ticker.systemTicker());
    }

    public Conversations(int maxConversations, Duration idleExpiry, Ticker ticker) {
        this(new InProcessContextStore(maxConversations, idleExpiry, ticker));
    }

    /** Conversations kept in the given store (e.g. the shared Redis one). */
    public Conversations(ContextStore store) {
        this.store = store;
    }

    /** The report a conversation picked or was last answered from (when several are served). */
    public Optional<String> report(String conversationId) {
        return store.get(REPORT_KEY + conversationId, ReportPick.class).map(ReportPick::report);
    }

    /** Remembers the report a conversation is about (beside its context, in the same store). */
    public void putReport(String conversationId, String reportId) {
        store.put(REPORT_KEY + conversationId, new ReportPick(reportId));
    }

    public Optional<Context> get(String conversationId) {
        return store.get(conversationId, Context.class);
    }

    public void put(String conversationId, Context context) {
        store.put(conversationId, context);
    }

    /** How many conversations are remembered now (after pending evictions); -1 when the store cannot tell. */
    public long size() {
        return store.size();
    }
}
