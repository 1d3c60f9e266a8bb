package io.reportbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import io.reportbot.engine.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The held-out claims set (claims.jsonl: "is it true that …" questions, each labelled yes, no or open by someone
 * who hadn't seen the code) through the real engine, with floors: verdict accuracy, and not one false "yes". The
 * verdict is read from the answer's first line, as the scorer in the README does. Its misses were studied once,
 * after it was scored untouched (see the README); its sentences are not copied anywhere.
 */
class ClaimsSetTest {

    private static final Pattern YES = Pattern.compile("^(ja|yes)\\b");
    private static final Pattern NO = Pattern.compile("^(nein|no)\\b");
    private static final Pattern OPEN = Pattern.compile("offen|left open|open|lässt|leaves|nicht entscheiden|can't tell|cannot tell");

    private final Engine engine = TestEngines.bundled();

    static String verdict(String answer) {
        String first = answer.strip().split("\n")[0].toLowerCase(Locale.ROOT);
        if (YES.matcher(first).find()) {
            return "yes";
        }
        if (NO.matcher(first).find()) {
            return "no";
        }
        return OPEN.matcher(first).find() ? "open" : "none";
    }

    @Test
    void verdictsMeetTheFloorAndNoFalseClaimIsConfirmed() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<String> misses = new ArrayList<>();
        int right = 0;
        int falseYes = 0;
        int n = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/eval/claims.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = mapper.readTree(line);
            String text = row.path("text").asText();
            String expected = row.path("verdict").asText();
            String got = verdict(engine.answer(Inbound.of(text, "claims-" + n++, "eval")).text());
            if (got.equals(expected)) {
                right++;
            } else {
                misses.add(expected + " → " + got + ": " + text);
            }
            if (got.equals("yes") && !expected.equals("yes")) {
                falseYes++;
            }
        }
        double accuracy = right / (double) n;
        System.out.printf(Locale.ROOT, "[claims] %d claims: verdict right %.1f %%, false yes %d%n", n, accuracy * 100, falseYes);
        assertThat(n).isGreaterThanOrEqualTo(90);
        assertThat(falseYes).as("false claims confirmed: %s", misses).isZero();
        assertThat(accuracy).as("verdict accuracy; misses: %s", misses).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void theVerdictIsReadFromTheFirstLine() {
        assertThat(verdict("Ja, das stimmt: 36 Einhorn-Unternehmen.\nQuelle …")).isEqualTo("yes");
        assertThat(verdict("No, that's not quite right: the report says 94.")).isEqualTo("no");
        assertThat(verdict("The report leaves that open – it only says “more than 2,400”.")).isEqualTo("open");
        assertThat(verdict("Beijing is home to 36 unicorn companies.\nNo …")).isEqualTo("none");
    }
}
