package io.reportbot.telegram;

/** The bot could not start (Telegram unreachable, or rejected a start-up call); the message never has the token. */
public final class TelegramStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TelegramStartException(String message) {
        super(message);
    }
}
