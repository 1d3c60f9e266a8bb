package io.reportbot.engine;

/**
 * The bundled engine and the second report's (the AI Index fixture), each trained once per test JVM (training takes
 * about a second).
 */
public final class TestEngines {

    private TestEngines() {
    }

    /** The second report's folder. */
    public static final java.nio.file.Path SECOND_REPORT = java.nio.file.Path.of("src/test/resources/reports/ai-index-2024");

    private static final class Holder {
        static final Engine BUNDLED = Engine.bundled();
    }

    private static final class SecondHolder {
        static final Engine SECOND = EngineFactory.create(
                new EngineSettings(java.util.Optional.of(SECOND_REPORT), java.util.Optional.empty()),
                io.reportbot.nlp.IntentClassifier.Settings.defaults());
    }

    public static Engine bundled() {
        return Holder.BUNDLED;
    }

    /** The AI Index fixture report's engine. */
    public static Engine secondReport() {
        return SecondHolder.SECOND;
    }
}
