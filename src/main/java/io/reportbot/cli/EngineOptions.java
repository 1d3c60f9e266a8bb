package io.reportbot.cli;

import io.reportbot.engine.Conversations;
import io.reportbot.engine.EngineSettings;
import io.reportbot.engine.FallbackListener;
import io.reportbot.engine.ReloadableEngine;
import io.reportbot.review.UnansweredLog;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the report and the intents come from: bundled by default, or from outside folders. */
public final class EngineOptions {

    @Option(names = "--report", paramLabel = "DIR",
            description = "A report folder (report.json, intents/, optional lexicon.json and source.txt) to use instead "
                    + "of the bundled white paper. Repeat it to serve several reports; the first is the default. "
                    + "A single report .json file still works but is deprecated.")
    java.util.List<Path> report;

    @Option(names = "--intents", paramLabel = "DIR",
            description = "A folder of intent files (*.json) to use instead of the report folder's intents/.")
    Path intents;

    @Option(names = "--unanswered-log", paramLabel = "FILE",
            description = "Append questions that fell back to this file (JSON lines; env REPORTBOT_UNANSWERED_LOG).")
    Path unansweredLog;

    /** Whether any of these options was given. */
    boolean given() {
        return report != null && !report.isEmpty() || intents != null || unansweredLog != null;
    }

    /**
     * Takes what this command's own options leave open from the main command's ({@code reportbot --report DIR ask …}
     * means the same as {@code reportbot ask --report DIR …}); report folders given to both are all served, the main
     * command's first.
     */
    void inherit(EngineOptions main) {
        if (main.report != null && !main.report.isEmpty()) {
            java.util.List<Path> all = new java.util.ArrayList<>(main.report);
            if (report != null) {
                all.addAll(report);
            }
            report = all;
        }
        intents = intents != null ? intents : main.intents;
        unansweredLog = unansweredLog != null ? unansweredLog : main.unansweredLog;
    }

    /** The settings these options describe; environment variables fill what the options leave open. */
    public EngineSettings settings() {
        return settings(EngineSettings.fromEnvironment(System.getenv()));
    }

    /** These options applied on top of settings from elsewhere (the configuration file and the environment). */
    public EngineSettings settings(EngineSettings base) {
        Path first = report == null || report.isEmpty() ? null : report.get(0);
        EngineSettings s = base.withOverrides(first, intents);
        if (report != null && report.size() > 1) {
            EngineSettings.ReportSelection m = s.more();
            java.util.List<Path> folders = new java.util.ArrayList<>(report.subList(1, report.size()));
            folders.addAll(m.folders());
            s = s.withMore(new EngineSettings.ReportSelection(folders, m.defaultReport(), m.byConversation()));
        }
        return unansweredLog != null ? s.withUnansweredLog(unansweredLog) : s;
    }

    /**
     * Builds a reloadable engine that logs unanswered questions where configured; a broken file surfaces
     * as {@link io.reportbot.core.EngineLoadException}.
     */
    public ReloadableEngine build() {
        return build(EngineSettings.fromEnvironment(System.getenv()));
    }

    /** The maintainer's own questions in the page's "Try it" are not what people asked: they are not logged. */
    static FallbackListener skipTryIt(FallbackListener log) {
        return (question, reply) -> {
            if (!io.reportbot.admin.AdminServer.TRY_IT_PLATFORM.equals(question.platform())) {
                log.fellBack(question, reply);
            }
        };
    }

    /** Builds a reloadable engine from {@code base} with these options on top. */
    public ReloadableEngine build(EngineSettings base) {
        return build(base, new Conversations());
    }

    /** The same, keeping conversation context in {@code conversations} (shared through Redis for replicas). */
    public ReloadableEngine build(EngineSettings base, Conversations conversations) {
        EngineSettings s = settings(base);
        FallbackListener listener = s.unansweredLog().<FallbackListener>map(UnansweredLog::open)
                .map(EngineOptions::skipTryIt).orElse(FallbackListener.NONE);
        return ReloadableEngine.create(s, listener, conversations);
    }
}
