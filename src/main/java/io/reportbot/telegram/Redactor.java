package io.reportbot.telegram;

import io.reportbot.ops.logging.LogRedaction;

/**
 * Removes the bot token from text and exceptions before they reach a log or an error message. Telegram puts the token
 * into every request URL ({@code /bot<token>/sendMessage}), so anything that might print a URL goes through here: this
 * bot's token exactly, then every token shape {@link LogRedaction} knows (the log configuration applies the same to
 * every log line).
 *
 * <p>Immutable and thread-safe.
 */
final class Redactor {
    static final String MASK = LogRedaction.MASK;

    private final String secret;

    Redactor(BotToken token) {
        this.secret = token.reveal();
    }

    /** The text with the token (and anything token-shaped) replaced by {@value #MASK}; null stays null. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        return LogRedaction.redact(text.replace(secret, MASK));
    }

    /**
     * A copy of the exception, with its causes, whose messages are redacted and whose stack traces are kept, for
     * logging. The copies are {@link RedactedException}s that name the original class.
     */
    Throwable sanitize(Throwable t) {
        if (t == null) {
            return null;
        }
        RedactedException copy = new RedactedException(
                t.getClass().getName() + (t.getMessage() == null ? "" : ": " + redact(t.getMessage())),
                t.getCause() == t ? null : sanitize(t.getCause()));
        copy.setStackTrace(t.getStackTrace());
        for (Throwable s : t.getSuppressed()) {
            copy.addSuppressed(sanitize(s));
        }
        return copy;
    }

    /** One line for a log: the exception's class and redacted message, then those of its causes. */
    String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null && sb.length() < 2000; c = c.getCause() == c ? null : c.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(c.getClass().getSimpleName());
            if (c.getMessage() != null) {
                sb.append(": ").append(redact(c.getMessage()));
            }
        }
        return sb.toString();
    }

    /** An exception copied for logging with its message already redacted. */
    static final class RedactedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RedactedException(String message, Throwable cause) {
            super(message, cause, true, true);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
