package io.reportbot.engine;

/** Builds engines; the wiring lives here so that {@link Engine} stays a plain interface. */
final class EngineFactory {
    private EngineFactory() {
    }

    static Engine create(EngineSettings settings) {
        throw new UnsupportedOperationException("the engine is being built");
    }
}
