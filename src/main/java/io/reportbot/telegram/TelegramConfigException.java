package io.reportbot.telegram;

/** The Telegram settings are missing or wrong; the message says which and how to fix it, never the token. */
public final class TelegramConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TelegramConfigException(String message) {
        super(message);
    }
}
