package io.reportbot.discord;

/**
 * The Discord configuration is missing something or is malformed. The message says what and how to fix
 * it; it never contains the token.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
        super(message);
    }
}
