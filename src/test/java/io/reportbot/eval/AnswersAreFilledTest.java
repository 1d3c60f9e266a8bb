package io.reportbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import io.reportbot.engine.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every question of every evaluation set, through both reports' engines: no answer shows a wording placeholder
 * ("{0}", "{us.yoy}") that was never filled. A note once said "the figures for {0} here, no total or share for {1}".
 */
class AnswersAreFilledTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[\\p{Alnum}_.]+}");
    private static final Path EVAL = Path.of("src/test/resources/eval");

    @Test
    void noAnswerShowsAnUnfilledPlaceholder() throws IOException {
        List<String> unfilled = new ArrayList<>();
        check(TestEngines.bundled(), EVAL, unfilled);
        check(TestEngines.secondReport(), EVAL.resolve("ai-index-2024"), unfilled);
        assertThat(unfilled).isEmpty();
    }

    private static void check(Engine engine, Path dir, List<String> unfilled) throws IOException {
        List<Path> sets;
        try (Stream<Path> files = Files.list(dir)) {
            sets = files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertThat(sets).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        for (Path set : sets) {
            int n = 0;
            for (String line : Files.readAllLines(set)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = json.readTree(line);
                String question = row.path("text").asText();
                String conversation = set.getFileName() + "-" + (row.has("conversation") ? row.get("conversation").asText() : n++);
                String text = engine.answer(Inbound.of(question, conversation, "test")).text();
                if (PLACEHOLDER.matcher(text).find()) {
                    unfilled.add(question + " → " + text);
                }
            }
        }
    }
}
