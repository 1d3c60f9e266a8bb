package io.reportbot.telegram;

import io.reportbot.core.Language;
import io.reportbot.adapter.ButtonCodec.TopicButton;
import java.util.Optional;

/** What one Telegram update asks of the bot, decided by {@link UpdateRouter}; no Telegram objects inside. */
sealed interface Route {

    /** The key the per-chat rate limit counts under, or empty when the route is not limited. */
    default Optional<String> rateKey() {
        return Optional.empty();
    }

    /** The chat the answer goes to, if any (also used to keep one chat's answers in order). */
    default Optional<ChatRef> chat() {
        return Optional.empty();
    }

    /**
     * A chat to answer in.
     *
     * @param chatId   Telegram's chat id
     * @param threadId the forum topic the message was in, or null
     * @param isPrivate true for a one-to-one chat with a user
     */
    record ChatRef(long chatId, Integer threadId, boolean isPrivate) {
        String conversationId() {
            return "telegram:" + chatId;
        }
    }

    /** Something that is answered in a chat, with the user's language from their Telegram settings. */
    sealed interface InChat extends Route {
        ChatRef where();

        /** The message to reply to, or null. */
        Integer messageId();

        Optional<Language> userLanguage();

        @Override
        default Optional<ChatRef> chat() {
            return Optional.of(where());
        }

        @Override
        default Optional<String> rateKey() {
            return Optional.of("chat:" + where().chatId());
        }
    }

    /** A question to answer. */
    record Question(ChatRef where, Integer messageId, String text, Optional<Language> userLanguage) implements InChat {
    }

    /** A command such as {@code /start}; {@code name} is lower case without the slash and bot name. */
    record Command(ChatRef where, Integer messageId, String name, String args, Optional<Language> userLanguage)
            implements InChat {
    }

    /** A sticker, photo, voice message, ... in a private chat. */
    record NonText(ChatRef where, Integer messageId, Optional<Language> userLanguage) implements InChat {
    }

    /** A topic button was tapped. */
    record TopicTap(String callbackId, ChatRef where, Integer messageId, TopicButton choice,
                    Optional<Language> userLanguage) implements InChat {
    }

    /** The bot was added to a group: greet once. Not rate-limited. */
    record GroupGreeting(ChatRef where, Optional<Language> userLanguage) implements Route {
        @Override
        public Optional<ChatRef> chat() {
            return Optional.of(where);
        }
    }

    /** A callback this adapter did not make (or can no longer place): acknowledge it and do nothing else. */
    record ForeignCallback(String callbackId) implements Route {
    }

    /** An inline query ({@code @bot question} in any chat). */
    record InlineQuestion(String queryId, long userId, String text, Optional<Language> userLanguage) implements Route {
        @Override
        public Optional<String> rateKey() {
            return Optional.of("inline:" + userId);
        }
    }

    /** Nothing to do; the reason is for debug logs. */
    record Ignore(String why) implements Route {
    }
}
