package io.reportbot.telegram;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Telegram bot token ({@code <bot id>:<secret>}). Its {@link #toString()} never shows the secret, so a token
 * that ends up in a log line or an exception message by accident shows as {@code <redacted>}.
 *
 * <p>Immutable and thread-safe.
 */
public final class BotToken {
    /** BotFather issues {@code digits:35 chars}; self-hosted servers and tests use shorter secrets. */
    private static final Pattern FORMAT = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{20,200}");

    private final String value;

    private BotToken(String value) {
        this.value = value;
    }

    /**
     * Checks and wraps a token.
     *
     * @throws TelegramConfigException when it is missing or malformed; the message never contains the value
     */
    static BotToken parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new TelegramConfigException("no Telegram bot token: set the environment variable TELEGRAM_BOT_TOKEN"
                    + " or the key telegram.token in the file given with --config (ask @BotFather for a token)");
        }
        String t = raw.trim();
        if (!FORMAT.matcher(t).matches()) {
            throw new TelegramConfigException("the Telegram bot token is malformed: expected <bot id>:<secret> as"
                    + " issued by @BotFather (" + t.length() + " characters given; the value is not shown)");
        }
        return new BotToken(t);
    }

    /** The secret itself: pass it only to the HTTP layer, never to a logger or an exception. */
    String reveal() {
        return value;
    }

    /** The numeric bot id in front of the colon (not secret: it is the bot's user id). */
    long botId() {
        return Long.parseLong(value.substring(0, value.indexOf(':')));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BotToken other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "<redacted>";
    }
}
