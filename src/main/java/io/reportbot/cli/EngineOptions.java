package io.reportbot.cli;

import io.reportbot.engine.Engine;
import io.reportbot.engine.EngineSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the report and the intents come from: bundled by default, or from outside folders. */
public final class EngineOptions {

    @Option(names = "--report", paramLabel = "FILE",
            description = "A report dataset (JSON) to use instead of the bundled white paper.")
    Path report;

    @Option(names = "--intents", paramLabel = "DIR",
            description = "A folder of intent files (*.json) to use instead of the bundled ones.")
    Path intents;

    /** The settings these options describe; environment variables fill what the options leave open. */
    public EngineSettings settings() {
        return EngineSettings.fromEnvironment(System.getenv()).withOverrides(report, intents);
    }

    /** Builds the engine; a broken file surfaces as {@link io.reportbot.engine.EngineLoadException}. */
    public Engine build() {
        return Engine.create(settings());
    }
}
