package io.reportbot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reportbot.core.EngineLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportLoaderTest {

    @TempDir
    Path dir;

    @Test
    void loadsTheBundledWhitePaper() {
        Report r = new ReportLoader().loadBundled();
        assertThat(r.id()).isEqualTo("beijing-ai-whitepaper-2024");
        assertThat(r.topics()).extracting(Topic::id).contains("unicorns", "industry_size", "large_models");
        assertThat(r.facts()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(r.facts()).allSatisfy(f -> {
            assertThat(f.answer().complete()).as(f.id()).isTrue();
            assertThat(f.source()).as(f.id()).isNotBlank();
        });
    }

    @Test
    void theEuroRatioComesFromTheReportsOwnPairs() {
        double rate = new ReportLoader().loadBundled().eurPerCny().orElseThrow();
        // 39.2/300, 560/4300, 4.2/32, 0.26/2, 1.1/8.3 all lie between 0.13 and 0.133
        assertThat(rate).isBetween(0.128, 0.134);
    }

    @Test
    void aReportFileFromOutsideIsRead() throws IOException {
        Path copy = dir.resolve("report.json");
        try (InputStream in = ReportLoader.class.getResourceAsStream(ReportLoader.BUNDLED)) {
            Files.copy(in, copy);
        }
        assertThat(new ReportLoader().load(copy).facts()).isNotEmpty();
    }

    @Test
    void brokenJsonIsNamedWithItsLine() throws IOException {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\n \"id\": \"x\",\n \"facts\": [ {\"id\": }\n]}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ReportLoader().load(f))
                .isInstanceOf(EngineLoadException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("line 3");
    }

    @Test
    void aPlaceholderWithoutAValueIsRejected() throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, """
                {"id": "r", "title": {"de": "T", "en": "T"}, "place": {"name": {"de": "X", "en": "X"}},
                 "facts": [{"id": "a", "topic": "t", "source": "Satz.", "values": {},
                            "answer": {"de": "Es gibt {count}.", "en": "There are {count}."}}],
                 "topics": [{"id": "t", "label": {"de": "T", "en": "T"}, "facts": ["a", "missing"]}]}
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ReportLoader().load(f))
                .isInstanceOf(EngineLoadException.class)
                .hasMessageContaining("placeholder {count} names no value")
                .hasMessageContaining("fact \"missing\" does not exist");
    }

    @Test
    void claimDataThatSaysNothingOrNamesNoTopicIsRejected() throws IOException {
        Path f = dir.resolve("claims.json");
        Files.writeString(f, """
                {"id": "r", "title": {"de": "T", "en": "T"}, "place": {"name": {"de": "X", "en": "X"}},
                 "facts": [{"id": "a", "topic": "t", "source": "Satz.", "values": {},
                            "answer": {"de": "Satz.", "en": "Sentence."},
                            "assertions": [{"attribute": "place"}]}],
                 "topics": [{"id": "t", "label": {"de": "T", "en": "T"}, "facts": ["a"]}],
                 "uncovered": [{"terms": ["umsatz"], "label": {"de": "Umsatz", "en": "revenue"}, "topics": ["nope"]}]}
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ReportLoader().load(f))
                .isInstanceOf(EngineLoadException.class)
                .hasMessageContaining("assertion \"place\" needs holds, contradicts, otherPlaces or figure")
                .hasMessageContaining("topic \"nope\" does not exist");
    }

    @Test
    void aMissingFileSaysSo() {
        assertThatThrownBy(() -> new ReportLoader().load(dir.resolve("nope.json")))
                .isInstanceOf(EngineLoadException.class)
                .hasMessageContaining("does not exist");
    }
}
