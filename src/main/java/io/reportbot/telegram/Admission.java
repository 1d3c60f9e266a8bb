package io.reportbot.telegram;

import io.reportbot.ops.BotEvents;
import java.time.Duration;
import java.util.Optional;

/**
 * The rate limits an update passes before it is answered: questions in chats count against the user's limit and the
 * chat's; inline queries against an allowance of their own per user (one comes per keystroke, and they must not use up
 * the user's questions). A question held back in a chat gets the "slow down" note once (see
 * {@link SlowDownNotices}); an inline query held back always gets it, as the note above its empty result list.
 *
 * <p>Thread-safe.
 */
final class Admission {
    /** What to do with an update. */
    enum Verdict {
        /** Answer it. */
        ADMIT,
        /** Over a limit: send the "slow down" note instead of an answer. */
        SLOW_DOWN,
        /** Over a limit and the chat has been told already: drop it silently. */
        DROP
    }

    private final ChatGate chats;
    private final ChatGate users;
    private final ChatGate inline;
    private final SlowDownNotices notices = new SlowDownNotices();
    private final BotEvents events;

    Admission(TelegramSettings settings, BotEvents events) {
        this(new ChatGate(settings.questionsPerMinute(), Duration.ofMinutes(1)),
                new ChatGate(settings.userQuestionsPerMinute(), Duration.ofMinutes(1)),
                new ChatGate(settings.inlineQueriesPerMinute(), Duration.ofMinutes(1)), events);
    }

    Admission(ChatGate chats, ChatGate users, ChatGate inline, BotEvents events) {
        this.chats = chats;
        this.users = users;
        this.inline = inline;
        this.events = events;
    }

    /**
     * Counts an update against its limits.
     *
     * @param route the update's route
     * @param user  the id of the user who sent it, when known
     */
    Verdict admit(Route route, Optional<Long> user) {
        if (route instanceof Route.InlineQuestion q) {
            if (inline.tryAdmit("inline:" + q.userId())) {
                return Verdict.ADMIT;
            }
            events.rateLimited(UpdateHandler.PLATFORM, "user");
            return Verdict.SLOW_DOWN;
        }
        if (route.rateKey().isEmpty()) {
            return Verdict.ADMIT;
        }
        boolean userOk = user.isEmpty() || users.tryAdmit("user:" + user.get());
        boolean ok = userOk && chats.tryAdmit(route.rateKey().get());
        Optional<Long> chat = route.chat().map(Route.ChatRef::chatId);
        if (ok) {
            chat.ifPresent(notices::admitted);
            return Verdict.ADMIT;
        }
        events.rateLimited(UpdateHandler.PLATFORM, userOk ? "chat" : "user");
        return chat.isEmpty() || notices.tellNow(chat.get()) ? Verdict.SLOW_DOWN : Verdict.DROP;
    }
}
