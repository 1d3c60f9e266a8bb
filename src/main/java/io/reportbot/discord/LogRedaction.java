package io.reportbot.discord;

import java.util.regex.Pattern;

/**
 * Removes Discord secrets from log text: interaction tokens (JDA logs them at WARN on a 429, inside the rate-limit
 * bucket {@code …:interaction_token=…}, and they are part of every interaction and webhook URL) and anything shaped
 * like a bot token. An interaction token lets whoever has it answer or edit that interaction for 15 minutes.
 *
 * <p>Used by the log configuration ({@code logback.xml}: {@link RedactedMessageConverter},
 * {@link RedactedThrowableConverter}; {@link RedactedJsonEncoder} for {@code --log-format json}), so that it holds
 * for JDA's own log lines too. Stateless and thread-safe.
 */
public final class LogRedaction {
    static final String MASK = "<redacted>";

    /** What precedes an interaction token: JDA's bucket key, and the interaction and webhook URL paths. */
    private static final Pattern INTERACTION_TOKEN = Pattern.compile(
            "(interaction_token=|interactions/\\d{1,25}/|webhooks/\\d{1,25}/)[^/\\s?&,;\"'\\\\<>]+");
    /** A bot token: three base64url parts (as {@link DiscordSettings} checks them). */
    private static final Pattern BOT_TOKEN = Pattern.compile("[A-Za-z0-9_-]{17,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{20,}");

    private LogRedaction() {
    }

    /** The text with interaction tokens and bot-token-shaped strings replaced by {@value #MASK}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = INTERACTION_TOKEN.matcher(text).replaceAll("$1" + MASK);
        return BOT_TOKEN.matcher(s).replaceAll(MASK);
    }
}
