package io.reportbot.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the engine reads its data and how it decides. Empty paths mean the bundled white paper and intents.
 *
 * @param reportFile    a report dataset JSON file, or empty for the bundled one
 * @param intentsDir    a folder of intent JSON files, or empty for the bundled ones
 * @param threshold     below this classifier score the engine says the report doesn't say
 * @param unansweredLog where questions that fell back are appended (JSON lines), or empty for nowhere
 * @param more          further report folders served beside the first, and which one answers where
 */
public record EngineSettings(Optional<Path> reportFile, Optional<Path> intentsDir, double threshold,
                             Optional<Path> unansweredLog, ReportSelection more) {

    /**
     * Several reports in one process.
     *
     * @param folders        report folders served beside the first ({@code reportFile} or the bundled one)
     * @param defaultReport  the report that answers when a question names none and no report is clearly meant;
     *                       empty for the first
     * @param byConversation the report per chat: a conversation id or its prefix ({@code telegram:123},
     *                       {@code discord:456}) to a report id
     */
    public record ReportSelection(List<Path> folders, Optional<String> defaultReport, Map<String, String> byConversation) {
        public static final ReportSelection NONE = new ReportSelection(List.of(), Optional.empty(), Map.of());

        public ReportSelection {
            folders = folders == null ? List.of() : List.copyOf(folders);
            defaultReport = defaultReport == null ? Optional.empty() : defaultReport;
            byConversation = byConversation == null ? Map.of() : Map.copyOf(byConversation);
        }
    }

    public EngineSettings(Optional<Path> reportFile, Optional<Path> intentsDir, double threshold,
                          Optional<Path> unansweredLog) {
        this(reportFile, intentsDir, threshold, unansweredLog, ReportSelection.NONE);
    }

    /** The threshold chosen with the evaluation's threshold sweep (see the README). */
    public static final double DEFAULT_THRESHOLD = 0.3;

    public EngineSettings {
        reportFile = reportFile == null ? Optional.empty() : reportFile;
        intentsDir = intentsDir == null ? Optional.empty() : intentsDir;
        unansweredLog = unansweredLog == null ? Optional.empty() : unansweredLog;
        more = more == null ? ReportSelection.NONE : more;
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the threshold must be between 0 and 1, not " + threshold);
        }
    }

    public EngineSettings(Optional<Path> reportFile, Optional<Path> intentsDir) {
        this(reportFile, intentsDir, DEFAULT_THRESHOLD, Optional.empty());
    }

    public static EngineSettings bundled() {
        return new EngineSettings(Optional.empty(), Optional.empty());
    }

    /**
     * Reads {@code REPORTBOT_REPORT}, {@code REPORTBOT_INTENTS}, {@code REPORTBOT_UNANSWERED_LOG} and
     * {@code REPORTBOT_MORE_REPORTS} (further report folders, separated by commas).
     */
    public static EngineSettings fromEnvironment(Map<String, String> env) {
        List<Path> more = new java.util.ArrayList<>();
        for (String part : env.getOrDefault("REPORTBOT_MORE_REPORTS", "").split(",")) {
            if (!part.isBlank()) {
                more.add(Path.of(part.strip()));
            }
        }
        return new EngineSettings(path(env.get("REPORTBOT_REPORT")), path(env.get("REPORTBOT_INTENTS")),
                DEFAULT_THRESHOLD, path(env.get("REPORTBOT_UNANSWERED_LOG")),
                new ReportSelection(more, Optional.empty(), Map.of()));
    }

    /** These settings with the given paths in place of the current ones where they are not null. */
    public EngineSettings withOverrides(Path report, Path intents) {
        return new EngineSettings(report != null ? Optional.of(report) : reportFile,
                intents != null ? Optional.of(intents) : intentsDir, threshold, unansweredLog, more);
    }

    public EngineSettings withThreshold(double t) {
        return new EngineSettings(reportFile, intentsDir, t, unansweredLog, more);
    }

    public EngineSettings withUnansweredLog(Path log) {
        return new EngineSettings(reportFile, intentsDir, threshold, Optional.ofNullable(log), more);
    }

    /** These settings serving several reports. */
    public EngineSettings withMore(ReportSelection selection) {
        return new EngineSettings(reportFile, intentsDir, threshold, unansweredLog, selection);
    }

    /** These settings for one report alone: the first, or one of the further folders (without their intents override). */
    public EngineSettings single(Optional<Path> report) {
        return new EngineSettings(report, report.isEmpty() || report.equals(reportFile) ? intentsDir : Optional.empty(),
                threshold, unansweredLog, ReportSelection.NONE);
    }

    private static Optional<Path> path(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(Path.of(s.trim()));
    }
}
