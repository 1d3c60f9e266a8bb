package io.reportbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.engine.Engine;
import io.reportbot.engine.EngineSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console serving the white paper and the AI Index summary: /report lists and picks, answers follow. */
class ConsoleMultiReportTest {

    @Test
    void slashReportListsAndPicksAReport() {
        Engine engine = Engine.create(EngineSettings.fromEnvironment(Map.of("REPORTBOT_MORE_REPORTS",
                "src/test/resources/reports/ai-index-2024")));
        ConsoleSession s = new ConsoleSession(engine, null, null);
        assertThat(s.handle("/report").output()).contains("beijing-ai-whitepaper-2024").contains("ai-index-2024");
        assertThat(s.handle("How many foundation models were released in 2023?").output())
                .startsWith("From “Stanford AI Index 2024 (summary)”:").contains("149");
        assertThat(s.handle("/report beijing-ai-whitepaper-2024").output()).contains("From now on I answer from");
        assertThat(s.handle("How many unicorns are there in Beijing?").output()).contains("36").doesNotStartWith("From");
        assertThat(s.handle("/report nope").output()).contains("There is no report “nope”");
        assertThat(EngineSettings.fromEnvironment(Map.of()).more().folders()).isEmpty();
        assertThat(EngineSettings.fromEnvironment(Map.of("REPORTBOT_MORE_REPORTS", "a, b")).more().folders())
                .isEqualTo(List.of(Path.of("a"), Path.of("b")));
        assertThat(engine.reports(io.reportbot.core.Language.DE)).hasSize(2);
    }
}
