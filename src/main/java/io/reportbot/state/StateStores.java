package io.reportbot.state;

/** Opens the shared state the settings ask for. */
public final class StateStores {

    private StateStores() {
    }

    /**
     * In-process state when no Redis URL is set, else Redis. Opening Redis does not fail when Redis is down: the
     * store starts unavailable, degrades, and connects as soon as Redis answers.
     */
    public static SharedState open(StateSettings settings, StateListener listener) {
        return settings.redisUrl().isPresent() ? RedisState.open(settings, listener) : new InProcessState(settings);
    }
}
