package io.reportbot.adapter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Who has been told to slow down: a chat (a Telegram chat, a Discord channel) that asks over a rate limit gets the
 * "slow down" note for the first question held back, then silence until one of its questions is let through again.
 * The note goes to the chat the held-back question came from, whichever limit held it back (the chat's or the
 * user's), so every chat in which a question is dropped has been told why. Bounded (chats told in the last hour), and
 * kept in this process: with replicas, each may tell a flooding chat once.
 *
 * <p>Thread-safe.
 */
final class SlowDownNotices {
    private final Cache<String, Boolean> told;

    SlowDownNotices(Ticker ticker) {
        told = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).ticker(ticker).build();
    }

    /** True when the chat is to be told now (the first question held back since its last one let through). */
    boolean tellNow(String chat) {
        return told.asMap().putIfAbsent(chat, Boolean.TRUE) == null;
    }

    /** A question from the chat was let through: the next one held back is told again. */
    void admitted(String chat) {
        told.invalidate(chat);
    }
}
