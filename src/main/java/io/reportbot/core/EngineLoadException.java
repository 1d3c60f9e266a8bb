package io.reportbot.core;

/** A report or intents file could not be read; the message names the file and what is wrong. */
public final class EngineLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineLoadException(String message) {
        super(message);
    }

    public EngineLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
