package io.reportbot.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.reportfolder.ReportFolders;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The whole {@code check}, cross-validation included, on both bundled reports: CI fails when either has a problem. */
class ReportCheckIT {

    @Test
    void theBundledWhitePaperPassesTheWholeCheck() {
        assertThat(ReportCheck.check(ReportFolders.bundled(), List.of(), true).problems()).isEmpty();
    }

    @Test
    void theSecondReportPassesTheWholeCheck() {
        Path dir = Path.of("src/test/resources/reports/ai-index-2024");
        assertThat(ReportCheck.check(ReportFolders.load(dir, Optional.empty()), ReportCheck.files(dir), true).problems())
                .isEmpty();
    }
}
