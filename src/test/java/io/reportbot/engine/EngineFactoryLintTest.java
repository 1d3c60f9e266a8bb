package io.reportbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.reportfolder.FolderLint;
import io.reportbot.reportfolder.ReportFolder;
import io.reportbot.reportfolder.ReportFolders;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Loading skips the folder lint only for the bundled report with its own intents, which has no warning. */
class EngineFactoryLintTest {

    @Test
    void theBundledReportIsNotLintedAgainAtEveryStartAndHasNothingToWarnAbout() {
        ReportFolder bundled = ReportFolders.bundled();
        assertThat(EngineFactory.lintsAtLoad(EngineSettings.bundled(), bundled)).isFalse();
        assertThat(FolderLint.loadWarnings(bundled)).isEmpty();
    }

    @Test
    void otherIntentsAndOtherFoldersAreLinted() {
        EngineSettings otherIntents = EngineSettings.bundled().withOverrides(null, Path.of("intents"));
        assertThat(EngineFactory.lintsAtLoad(otherIntents, ReportFolders.bundled(Optional.of(Path.of("intents"))))).isTrue();
        Path aiIndex = Path.of("src/test/resources/reports/ai-index-2024");
        EngineSettings folder = EngineSettings.bundled().withOverrides(aiIndex, null);
        assertThat(EngineFactory.lintsAtLoad(folder, ReportFolders.load(aiIndex, Optional.empty()))).isTrue();
    }
}
