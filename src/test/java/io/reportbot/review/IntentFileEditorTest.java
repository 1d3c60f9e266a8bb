package io.reportbot.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reportbot.core.EngineLoadException;
import io.reportbot.core.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentFileEditorTest {

    @TempDir
    Path dir;

    private static final String FILE = """
            {
              "name": "unicorns",
              "kind": "topic",
              "examples": {
                "de": [
                  "Wie viele Einhörner?"
                ],
                "en": [
                  "unicorns?"
                ]
              }
            }
            """;

    @Test
    void addsWithStableFormattingAndWithoutDuplicates() throws Exception {
        Path f = dir.resolve("unicorns.json");
        Files.writeString(f, FILE);
        assertThat(IntentFileEditor.add(dir, "unicorns", Language.EN, "  billion-dollar startups?  "))
                .isEqualTo(IntentFileEditor.Result.ADDED);
        assertThat(Files.readString(f)).isEqualTo(FILE.replace("\"unicorns?\"\n", "\"unicorns?\",\n      \"billion-dollar startups?\"\n"));
        assertThat(IntentFileEditor.add(dir, "unicorns", Language.DE, "wie viele einhoerner")).isEqualTo(IntentFileEditor.Result.ALREADY_THERE);
        String once = Files.readString(f);
        IntentFileEditor.add(dir, "unicorns", Language.EN, "Billion-dollar startups");
        assertThat(Files.readString(f)).isEqualTo(once);
    }

    @Test
    void refusesUnknownIntentsAndBadNames() {
        assertThatThrownBy(() -> IntentFileEditor.add(dir, "nope", Language.DE, "x"))
                .isInstanceOf(EngineLoadException.class).hasMessageContaining("no intent \"nope\"");
        assertThatThrownBy(() -> IntentFileEditor.add(dir, "../etc/passwd", Language.DE, "x"))
                .isInstanceOf(EngineLoadException.class).hasMessageContaining("not an intent name");
    }
}
