package io.reportbot.telegram;

import io.reportbot.adapter.RateGate;
import io.reportbot.adapter.RateGate.Allowance;
import io.reportbot.adapter.RateGate.Verdict;
import io.reportbot.ops.BotEvents;
import io.reportbot.state.RateLimits;
import java.util.Optional;

/**
 * Which of the kit's {@link RateGate}s an update passes before it is answered: questions in chats count against the
 * user's allowance and the chat's; inline queries against an allowance of their own per user (one comes per
 * keystroke, and they must not use up the user's questions), and one held back always gets the note, above its empty
 * result list. Updates that ask nothing (a tap on a button of another bot, a join) pass freely.
 *
 * <p>Thread-safe.
 */
final class Admission {
    private final RateGate questions;
    private final RateGate inline;

    Admission(TelegramSettings settings, RateLimits limits, BotEvents events) {
        this(new RateGate(UpdateHandler.PLATFORM, limits, events, Allowance.user(settings.userRateLimit()),
                        Allowance.chat(settings.chatRateLimit())),
                new RateGate(UpdateHandler.PLATFORM, limits, events,
                        new Allowance("inline", "user", settings.inlineRateLimit()), null));
    }

    Admission(RateGate questions, RateGate inline) {
        this.questions = questions;
        this.inline = inline;
    }

    /**
     * Counts an update against its limits.
     *
     * @param route the update's route
     * @param user  the id of the user who sent it, when known
     */
    Verdict admit(Route route, Optional<Long> user) {
        if (route instanceof Route.InlineQuestion q) {
            return inline.admit(Long.toString(q.userId()), null);
        }
        Optional<String> chat = route.chat().map(c -> Long.toString(c.chatId()));
        if (route.rateKey().isEmpty() || chat.isEmpty()) {
            return Verdict.ADMIT;
        }
        return questions.admit(user.map(String::valueOf).orElse(null), chat.get());
    }
}
