package io.reportbot.config;

/**
 * The configuration is wrong. The message names the key (or the file) and says how to fix it; it never contains a
 * secret. A command prints it and exits with status 2.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
