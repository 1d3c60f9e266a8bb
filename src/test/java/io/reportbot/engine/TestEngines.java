package io.reportbot.engine;

/** The bundled engine, trained once per test JVM (training takes about a second). */
public final class TestEngines {

    private TestEngines() {
    }

    private static final class Holder {
        static final Engine BUNDLED = Engine.bundled();
    }

    public static Engine bundled() {
        return Holder.BUNDLED;
    }
}
