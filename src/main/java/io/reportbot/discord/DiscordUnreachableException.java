package io.reportbot.discord;

/** Discord's REST API (or the configured stand-in) could not be reached at start-up. Never contains the token. */
public final class DiscordUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DiscordUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
