package io.reportbot.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the engine reads its data. Empty paths mean the bundled white paper and intents.
 *
 * @param reportFile  a report dataset JSON file, or empty for the bundled one
 * @param intentsDir  a folder of intent JSON files, or empty for the bundled ones
 */
public record EngineSettings(Optional<Path> reportFile, Optional<Path> intentsDir) {

    public static EngineSettings bundled() {
        return new EngineSettings(Optional.empty(), Optional.empty());
    }

    /** Reads {@code REPORTBOT_REPORT} and {@code REPORTBOT_INTENTS}. */
    public static EngineSettings fromEnvironment(Map<String, String> env) {
        return new EngineSettings(path(env.get("REPORTBOT_REPORT")), path(env.get("REPORTBOT_INTENTS")));
    }

    /** These settings with the given paths in place of the current ones where they are not null. */
    public EngineSettings withOverrides(Path report, Path intents) {
        return new EngineSettings(report != null ? Optional.of(report) : reportFile,
                intents != null ? Optional.of(intents) : intentsDir);
    }

    private static Optional<Path> path(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(Path.of(s.trim()));
    }
}
