package io.reportbot.ops.logging;

import java.util.regex.Pattern;

/**
 * Removes platform secrets from log text, for both adapters and the libraries beneath them: Discord interaction tokens
 * (JDA logs them at WARN on a 429, inside the rate-limit bucket {@code …:interaction_token=…}, and they are part of
 * every interaction and webhook URL) and anything shaped like a Discord or a Telegram bot token (Telegram puts the token
 * into every request URL, {@code /bot<token>/sendMessage}). An interaction token lets whoever has it answer or edit
 * that interaction for 15 minutes.
 *
 * <p>Used by the log configuration ({@code logback.xml}: {@link RedactedMessageConverter},
 * {@link RedactedThrowableConverter}; {@link RedactedJsonEncoder} for {@code --log-format json}), so that it holds
 * for JDA's own log lines too. Stateless and thread-safe.
 */
public final class LogRedaction {
    /** What stands where a secret was. */
    public static final String MASK = "<redacted>";

    /** What precedes an interaction token: JDA's bucket key, and the interaction and webhook URL paths. */
    private static final Pattern INTERACTION_TOKEN = Pattern.compile(
            "(interaction_token=|interactions/\\d{1,25}/|webhooks/\\d{1,25}/)[^/\\s?&,;\"'\\\\<>]+");
    /** A Discord bot token: three base64url parts (as {@code DiscordSettings} checks them). */
    private static final Pattern BOT_TOKEN = Pattern.compile("[A-Za-z0-9_-]{17,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{20,}");
    /** A Telegram bot token: the bot's id, a colon and the secret. */
    private static final Pattern TELEGRAM_TOKEN = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{20,200}");

    private LogRedaction() {
    }

    /** The text with interaction tokens and bot-token-shaped strings replaced by {@value #MASK}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = INTERACTION_TOKEN.matcher(text).replaceAll("$1" + MASK);
        s = BOT_TOKEN.matcher(s).replaceAll(MASK);
        return TELEGRAM_TOKEN.matcher(s).replaceAll(MASK);
    }
}
