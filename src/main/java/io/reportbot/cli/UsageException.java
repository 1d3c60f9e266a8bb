package io.reportbot.cli;

/**
 * A value the user gave that can't be used (an option out of range, a file that is a folder), found while a
 * command runs; {@link ErrorHandler} prints its message as one line and exits with code 2.
 */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message, null, false, false);
    }
}
