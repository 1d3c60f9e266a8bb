package io.reportbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.core.Language;
import io.reportbot.engine.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyJsonTest {

    @Test
    void lineAndParagraphSeparatorsAreEscapedSoALineStaysALine() throws Exception {
        Reply r = new Reply(Language.DE, "unicorns", 0.9, false, "36 Einhörner\u2028– laut Bericht\u2029Ende", List.of(),
                List.of(), List.of());
        String line = ReplyJson.line("Wie viele\u2028Einhörner?", null, r);
        assertThat(line).doesNotContain("\u2028").doesNotContain("\u2029").contains("\\u2028").contains("\\u2029")
                .contains("Einhörner").contains("–");
        JsonNode n = new ObjectMapper().readTree(line);
        assertThat(n.get("answer").asText()).isEqualTo("36 Einhörner\u2028– laut Bericht\u2029Ende");
        assertThat(n.get("question").asText()).isEqualTo("Wie viele\u2028Einhörner?");
    }

    @Test
    void anErrorObjectNamesTheLineAndTheKind() throws Exception {
        JsonNode n = new ObjectMapper().readTree(ReplyJson.error(3, "malformed_json", "why\u2028not"));
        assertThat(n.get("line").asLong()).isEqualTo(3);
        assertThat(n.get("error").asText()).isEqualTo("malformed_json");
        assertThat(n.get("message").asText()).isEqualTo("why\u2028not");
        assertThat(n.has("answer")).isFalse();
    }
}
