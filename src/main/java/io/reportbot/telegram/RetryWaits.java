package io.reportbot.telegram;

/**
 * Told when a Bot API call starts and ends waiting before a retry (a 429 {@code retry_after}, a backoff after a 5xx
 * or a dropped connection). {@link ChatWorkers} uses it to give the other chats a thread while one chat's answer
 * waits. Implementations are thread-safe and quick.
 */
interface RetryWaits {
    /** Does nothing. */
    RetryWaits NONE = new RetryWaits() {
        @Override
        public void started() {
        }

        @Override
        public void ended() {
        }
    };

    /** A call starts waiting before its retry. */
    void started();

    /** The wait is over (the retry goes out, or the call gives up). */
    void ended();
}
