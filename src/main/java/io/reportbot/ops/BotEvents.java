package io.reportbot.ops;

/**
 * What the platform adapters report for monitoring: failures, retries, rate-limited and ignored messages. The
 * adapters call this interface and know nothing of the metrics library behind it ({@link Metrics} in production,
 * {@link #NONE} by default).
 *
 * <p>Every argument is a short, fixed word from a small set (a platform name, a kind, a scope), never text a user
 * wrote and never an id, so that metric tags stay few and carry nothing personal.
 *
 * <p>Implementations are thread-safe.
 */
public interface BotEvents {

    /** Reports nothing. */
    BotEvents NONE = new BotEvents() {
    };

    /**
     * A call to the platform failed and was given up (the answer or notice was not delivered).
     *
     * @param platform {@code telegram} or {@code discord}
     * @param kind     a short kind such as {@code send}, {@code answer}, {@code route}
     */
    default void platformError(String platform, String kind) {
    }

    /**
     * A call to the platform is retried.
     *
     * @param platform {@code telegram} or {@code discord}
     * @param reason   {@code http_429}, {@code http_5xx} or {@code io}
     */
    default void retry(String platform, String reason) {
    }

    /**
     * A message was held back by reportbot's own rate limit.
     *
     * @param platform {@code telegram} or {@code discord}
     * @param scope    {@code user} or {@code chat}
     */
    default void rateLimited(String platform, String scope) {
    }

    /**
     * A message was ignored because its chat, guild or channel is not on the allow-list.
     *
     * @param platform {@code telegram} or {@code discord}
     */
    default void notAllowed(String platform) {
    }
}
