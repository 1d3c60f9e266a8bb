package io.reportbot.state;

import java.util.Optional;

/**
 * A small value per conversation (what it was last about), forgotten after a time without use (30 minutes by
 * default). The in-process store keeps the object itself; the Redis store keeps it as JSON (Jackson), so a value
 * must be a plain record or bean that Jackson can write and read back.
 *
 * <p>When the store cannot be reached, {@link #get} finds nothing and {@link #put} is dropped: follow-ups lose their
 * context, answers go on. Implementations are thread-safe.
 */
public interface ContextStore {

    /**
     * The value of a conversation, if it has one and it has not expired; reading it restarts its idle time.
     *
     * @param conversationKey e.g. {@code telegram:4711}
     * @param type            the class it was stored as
     */
    <T> Optional<T> get(String conversationKey, Class<T> type);

    /**
     * Remembers a value for a conversation, replacing the previous one. The Redis store sends the write without
     * waiting for Redis: it is applied before any later command of the same process (one connection, in order), so
     * this process reads it back at once, and other replicas see it once a later command of this process has been
     * answered, such as marking the update answered after the reply was sent.
     */
    void put(String conversationKey, Object value);

    /** How many conversations are remembered now, or -1 when the store cannot tell cheaply (Redis). */
    long size();
}
