package io.reportbot.adapter;

import com.github.benmanes.caffeine.cache.Ticker;
import io.reportbot.ops.BotEvents;
import io.reportbot.state.RateLimits;
import java.util.Objects;

/**
 * The rate limits a question passes before it is answered, the same on every platform: the user's allowance, then
 * the chat's (a Telegram chat, a Discord channel or DM), each a token bucket in {@link RateLimits}. With Redis
 * ({@code state.redisUrl}) the buckets live there, so every replica counts against one allowance; in-process, each
 * process keeps its own. While Redis is down a question is let through (fail open).
 *
 * <p>A question held back gets {@link Verdict#SLOW_DOWN} the first time in its chat, then {@link Verdict#DROP} until
 * a question from that chat is let through again (see {@link SlowDownNotices}), so that a flood does not turn into a
 * flood of notes; a question without a chat (a Telegram inline query) always gets {@code SLOW_DOWN}. Each one held
 * back is reported to {@link BotEvents#rateLimited} with the scope of the limit that held it.
 *
 * <pre>{@code
 * RateGate gate = new RateGate("discord", state.rateLimits(), events,
 *         Allowance.user(new Limit(6, Duration.ofMinutes(1))), Allowance.chat(new Limit(30, Duration.ofMinutes(1))));
 * switch (gate.admit("4711", "42")) { ... }   // user 4711 asks in channel 42
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class RateGate {

    /** What to do with a question. */
    public enum Verdict {
        /** Answer it. */
        ADMIT,
        /** Over a limit: send the "slow down" note instead of an answer. */
        SLOW_DOWN,
        /** Over a limit and its chat has been told already: drop it silently. */
        DROP
    }

    /**
     * One allowance: its name in the bucket keys ({@code <platform>:<name>:<id>}), the scope it is reported under
     * ({@code user} or {@code chat}) and its limit.
     */
    public record Allowance(String name, String scope, RateLimits.Limit limit) {
        public Allowance {
            Objects.requireNonNull(limit, "limit");
        }

        /** A per-user allowance, keyed {@code <platform>:user:<id>}. */
        public static Allowance user(RateLimits.Limit limit) {
            return new Allowance("user", "user", limit);
        }

        /** A per-chat (or channel) allowance, keyed {@code <platform>:chat:<id>}. */
        public static Allowance chat(RateLimits.Limit limit) {
            return new Allowance("chat", "chat", limit);
        }
    }

    private final String platform;
    private final RateLimits limits;
    private final BotEvents events;
    private final Allowance user;
    private final Allowance chat;
    private final SlowDownNotices notices;

    /**
     * @param platform {@code telegram} or {@code discord}: the first part of every bucket key, and the metric tag
     * @param limits   where the buckets live (in-process, or Redis shared by the replicas)
     * @param user     the per-user allowance
     * @param chat     the per-chat allowance, or null for none
     */
    public RateGate(String platform, RateLimits limits, BotEvents events, Allowance user, Allowance chat) {
        this(platform, limits, events, user, chat, Ticker.systemTicker());
    }

    /** For tests: a clock for the slow-down notes. */
    public RateGate(String platform, RateLimits limits, BotEvents events, Allowance user, Allowance chat,
                    Ticker ticker) {
        this.platform = platform;
        this.limits = limits;
        this.events = events;
        this.user = Objects.requireNonNull(user, "user");
        this.chat = chat;
        this.notices = new SlowDownNotices(ticker);
    }

    /**
     * Counts a question against the user's allowance and, if that holds, the chat's.
     *
     * @param userId the id of the user who asks, or null when unknown (then only the chat's limit applies)
     * @param chatId the chat it was asked in, or null for none
     */
    public Verdict admit(String userId, String chatId) {
        boolean userOk = userId == null || limits.tryConsume(key(user, userId), user.limit());
        boolean ok = userOk && (chatId == null || chat == null || limits.tryConsume(key(chat, chatId), chat.limit()));
        if (ok) {
            if (chatId != null) {
                notices.admitted(chatId);
            }
            return Verdict.ADMIT;
        }
        events.rateLimited(platform, userOk ? chat.scope() : user.scope());
        return chatId == null || notices.tellNow(chatId) ? Verdict.SLOW_DOWN : Verdict.DROP;
    }

    private String key(Allowance allowance, String id) {
        return platform + ":" + allowance.name() + ":" + id;
    }
}
