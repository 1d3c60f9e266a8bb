package io.reportbot.cli;

import io.reportbot.state.SharedState;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** How the commands hand the shared state to the adapters and the health endpoint. */
final class SharedStates {

    private SharedStates() {
    }

    /** The state when it is shared between replicas (Redis), else null: the adapter keeps its own. */
    static SharedState forReplicas(SharedState state) {
        return "redis".equals(state.kind()) ? state : null;
    }

    /** {@code redis} and whether it answers, for /healthz; nothing for in-process state. */
    static Map<String, BooleanSupplier> healthOf(SharedState state) {
        return "redis".equals(state.kind()) ? Map.of("redis", state::available) : Map.of();
    }
}
