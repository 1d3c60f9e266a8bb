package io.reportbot.state;

/**
 * Everything a process remembers between messages, in one place, so that several replicas can share it.
 *
 * <p>Open one with {@link StateStores#open}; close it at shutdown. Every operation of the parts is bounded in time:
 * with Redis down or slow, an operation gives up after the command timeout and degrades (see each part), so an
 * answer never hangs on the store.
 *
 * <p>Implementations are thread-safe.
 */
public interface SharedState extends AutoCloseable {

    /** Conversation context: what each conversation was last about. */
    ContextStore contexts();

    /** Which updates and interactions were already taken or answered. */
    DeliveryLedger ledger();

    /** Per-user and per-chat rate limits. */
    RateLimits rateLimits();

    /** Users' and chats' choices, such as the {@code /lang} language. */
    ChoiceStore choices();

    /** {@code in-process} or {@code redis}: for logs and the health endpoint. */
    String kind();

    /** True while the store answers (always true in-process); the health endpoint reports it. */
    boolean available();

    /** Releases connections and threads; idempotent. */
    @Override
    void close();
}
