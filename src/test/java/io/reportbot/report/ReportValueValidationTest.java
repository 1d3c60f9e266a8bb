package io.reportbot.report;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.reportbot.core.EngineLoadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Figures that can't be true stop the load with the fact named, before any answer can fail on them. */
class ReportValueValidationTest {

    @TempDir
    Path dir;

    private Path report(String value) throws IOException {
        Path f = dir.resolve("report-" + System.nanoTime() + ".json");
        Files.writeString(f, """
                {"id": "r", "title": {"de": "T", "en": "T"}, "place": {"name": {"de": "X", "en": "X"}},
                 "facts": [{"id": "fund_volume", "topic": "t", "source": "Satz.", "values": {"volume": %s},
                            "answer": {"de": "Es sind {volume}.", "en": "It is {volume}."}}],
                 "topics": [{"id": "t", "label": {"de": "T", "en": "T"}, "facts": ["fund_volume"]}]}
                """.formatted(value), StandardCharsets.UTF_8);
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"amount\": 300, \"unit\": \"CNY\", \"yoy\": {\"percent\": -100}}          | growth of -100 %",
            "{\"amount\": 300, \"unit\": \"CNY\", \"yoy\": {\"percent\": -250.5}}        | growth of -250.5 %",
            "{\"amount\": 36, \"unit\": \"count\", \"share\": {\"percent\": 0}}           | share of 0 %",
            "{\"amount\": 36, \"unit\": \"count\", \"share\": {\"percent\": 120}}         | share of 120 %",
            "{\"amount\": -5, \"unit\": \"count\"}                                       | the amount -5 is negative",
            "{\"amount\": 300, \"unit\": \"CNY\", \"eur\": -39}                          | euro figure -39 is negative",
            "{\"amount\": \"NaN\", \"unit\": \"CNY\"}                                    | the amount is NaN",
            "{\"amount\": 1e400, \"unit\": \"CNY\"}                                      | the amount is Infinity",
            "{\"amount\": 300, \"unit\": \"CNY\", \"yoy\": {\"percent\": \"NaN\"}}       | the growth is NaN",
            "{\"amount\": 300, \"unit\": \"CNY\", \"eur\": \"Infinity\"}                 | the euro figure is Infinity",
            "{\"amount\": 140, \"unit\": \"percent\"}                                    | 140 percent is over 100",
            "{\"amount\": 120, \"unit\": \"percent\", \"direction\": \"down\"}            | a fall of 120 %",
            "{\"amount\": 12, \"unit\": \"percent\", \"direction\": \"sideways\"}         | must be \"up\" or \"down\"",
            "{\"amount\": 12, \"unit\": \"count\", \"direction\": \"up\"}                 | on a value in percent"})
    void anImpossibleFigureIsRejectedWithTheFactNamed(String value, String expected) throws IOException {
        Path f = report(value);
        assertThatThrownBy(() -> new ReportLoader().load(f))
                .isInstanceOf(EngineLoadException.class)
                .hasMessageContaining("fact \"fund_volume\": value \"volume\"")
                .hasMessageContaining(expected);
    }

    @Test
    void possibleFiguresAtTheEdgesAreAccepted() throws IOException {
        Path f = report("{\"amount\": 0, \"unit\": \"count\", \"yoy\": {\"percent\": -99.9}, \"share\": {\"percent\": 100}}");
        assertThatNoException().isThrownBy(() -> new ReportLoader().load(f));
        Path rise = report("{\"amount\": 150, \"unit\": \"percent\", \"direction\": \"up\"}");
        assertThatNoException().isThrownBy(() -> new ReportLoader().load(rise)); // a rise of 150 % is possible
    }

    @Test
    void aComputedRatioOverZeroIsRejected() throws IOException {
        Path f = dir.resolve("ratio.json");
        Files.writeString(f, """
                {"id": "r", "title": {"de": "T", "en": "T"}, "place": {"name": {"de": "X", "en": "X"}},
                 "facts": [{"id": "fund", "topic": "t", "source": "Satz.",
                            "values": {"a": {"amount": 8, "unit": "CNY"}, "b": {"amount": 0, "unit": "CNY"}},
                            "answer": {"de": "{a}", "en": "{a}"},
                            "computed": [{"kind": "ratio", "numerator": "a", "denominator": "b",
                                          "text": {"de": "{ratio}", "en": "{ratio}"}}]}],
                 "topics": [{"id": "t", "label": {"de": "T", "en": "T"}, "facts": ["fund"]}]}
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ReportLoader().load(f))
                .isInstanceOf(EngineLoadException.class)
                .hasMessageContaining("fact \"fund\": computed ratio divides by value \"b\", which is 0");
    }

    @Test
    void anAspectTopicThatDoesNotExistIsRejected() throws IOException {
        Path f = dir.resolve("report-aspects.json");
        Files.writeString(f, """
                {"id": "r", "title": {"de": "T", "en": "T"}, "place": {"name": {"de": "X", "en": "X"}},
                 "facts": [{"id": "fund_volume", "topic": "t", "source": "Satz.", "values": {"volume": {"amount": 3, "unit": "count"}},
                            "answer": {"de": "Es sind {volume}.", "en": "It is {volume}."}}],
                 "topics": [{"id": "t", "label": {"de": "T", "en": "T"}, "facts": ["fund_volume"],
                             "aspectTopics": {"QUALITY": "nowhere"}}]}
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ReportLoader().load(f))
                .isInstanceOf(EngineLoadException.class)
                .hasMessageContaining("aspectTopics names topic \"nowhere\"");
    }
}
