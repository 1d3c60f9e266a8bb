package io.reportbot.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Who has been told to slow down: a chat that asks over a rate limit gets the "slow down" note for the first question
 * held back, then silence until one of its questions is answered again. The note goes to the chat the held-back
 * question came from, whichever limit held it back (the chat's or the user's), so every chat in which a question is
 * dropped has been told why. Bounded (chats told in the last hour).
 *
 * <p>Thread-safe.
 */
final class SlowDownNotices {
    private final Cache<Long, Boolean> told;

    SlowDownNotices() {
        this(Ticker.systemTicker());
    }

    SlowDownNotices(Ticker ticker) {
        told = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).ticker(ticker).build();
    }

    /** True when the chat is to be told now (the first question held back since its last answer). */
    boolean tellNow(long chatId) {
        return told.asMap().putIfAbsent(chatId, Boolean.TRUE) == null;
    }

    /** A question from the chat was let through: the next one held back is told again. */
    void admitted(long chatId) {
        told.invalidate(chatId);
    }
}
