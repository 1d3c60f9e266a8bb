package io.reportbot.discord;

import io.reportbot.core.Language;
import net.dv8tion.jda.api.interactions.DiscordLocale;

/**
 * What the Discord listeners share about an interaction or message: the platform's name in metrics and in
 * {@code Inbound}, the user's language and the conversation id. Stateless.
 */
final class Interactions {
    /** The platform name for metrics and the engine. */
    static final String PLATFORM = "discord";

    private Interactions() {
    }

    /** The user's language from their Discord client; {@link Language#FOR_UNKNOWN_LOCALE} for any other locale. */
    static Language userLanguage(DiscordLocale locale) {
        return Language.ofLocale(locale == null || locale == DiscordLocale.UNKNOWN ? null : locale.getLocale());
    }

    /** One conversation per user and channel: {@code discord:<channel>:<user>}. */
    static String conversationId(String channelId, String userId) {
        return "discord:" + channelId + ":" + userId;
    }
}
