package io.reportbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonlInputTest {

    @Test
    void aJsonObjectGivesTextAndConversation() {
        assertThat(JsonlInput.parse("{\"conversation\": \"c1\", \"text\": \"Wie viele Einhörner?\"}"))
                .isEqualTo(new JsonlInput.Question("Wie viele Einhörner?", "c1"));
        assertThat(JsonlInput.parse("  { \"text\": \"unicorns?\" }  ")).isEqualTo(new JsonlInput.Question("unicorns?", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"conversation\": 5, \"text\": null}",
            "{\"conversation\": \"c1\", \"text\": \"Wie viele Einhörner?\"",
            "[\"Wie viele Einhörner?\"]",
            "[]",
            "{}",
            "{\"text\": 36}",
            "{\"text\": \"a\", \"conversation\": [1]}",
            "{\"text\": \"a\"} trailing",
            "{\"question\": \"Wie viele Einhörner?\"}"})
    void aLineMeantAsJsonButBrokenIsMalformedWithAReason(String line) {
        assertThat(JsonlInput.parse(line)).isInstanceOfSatisfying(JsonlInput.Malformed.class,
                m -> assertThat(m.reason()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Wie viele Einhörner?", "{unicorns} how many?", "[1] How many unicorns?", "{ how many", "[", "{"})
    void aPlainLineStaysAQuestionEvenWithBraces(String line) {
        if (line.equals("{")) {
            // a lone brace is an empty object that isn't finished: meant as JSON
            assertThat(JsonlInput.parse(line)).isInstanceOf(JsonlInput.Malformed.class);
            return;
        }
        assertThat(JsonlInput.parse(line)).isEqualTo(new JsonlInput.Question(line, null));
    }

    @Test
    void theReasonsAreWordedForPeople() {
        assertThat(((JsonlInput.Malformed) JsonlInput.parse("[1]")).reason())
                .isEqualTo("a JSON line must be an object like {\"conversation\": \"c1\", \"text\": \"...\"}, not an array");
        assertThat(((JsonlInput.Malformed) JsonlInput.parse("{\"conversation\": 5, \"text\": null}")).reason())
                .contains("\"text\"");
    }
}
