package io.reportbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reportbot.core.EngineLoadException;
import io.reportbot.core.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentLoaderTest {

    @TempDir
    Path dir;

    @Test
    void everyBundledIntentHasAtLeastTwentyExamplesPerLanguage() {
        List<Intent> intents = new IntentLoader().loadBundled();
        assertThat(intents).hasSizeGreaterThanOrEqualTo(20);
        assertThat(intents).allSatisfy(i -> {
            assertThat(i.examples(Language.DE)).as(i.name() + " de").hasSizeGreaterThanOrEqualTo(20);
            assertThat(i.examples(Language.EN)).as(i.name() + " en").hasSizeGreaterThanOrEqualTo(20);
        });
    }

    @Test
    void theRepositoryFolderLoadsToo() {
        assertThat(new IntentLoader().load(Path.of("intents"))).extracting(Intent::name).contains("unicorns", "greeting");
    }

    @Test
    void brokenJsonNamesTheFile() throws IOException {
        Files.writeString(dir.resolve("unicorns.json"), "{\"name\": \"unicorns\", \"examples\": {");
        assertThatThrownBy(() -> new IntentLoader().load(dir))
                .isInstanceOf(EngineLoadException.class)
                .hasMessageContaining("unicorns.json")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aMissingLanguageIsNamed() throws IOException {
        Files.writeString(dir.resolve("unicorns.json"),
                "{\"name\": \"unicorns\", \"kind\": \"topic\", \"examples\": {\"de\": [\"Einhörner?\"]}}");
        assertThatThrownBy(() -> new IntentLoader().load(dir))
                .isInstanceOf(EngineLoadException.class)
                .hasMessageContaining("examples.en");
    }

    @Test
    void aNameThatDoesNotMatchTheFileIsRejected() throws IOException {
        Files.writeString(dir.resolve("unicorns.json"),
                "{\"name\": \"horses\", \"examples\": {\"de\": [\"a\"], \"en\": [\"b\"]}}");
        assertThatThrownBy(() -> new IntentLoader().load(dir)).hasMessageContaining("\"horses\"");
    }

    @Test
    void anEmptyOrMissingFolderIsAClearError() {
        assertThatThrownBy(() -> new IntentLoader().load(dir)).hasMessageContaining("no *.json");
        assertThatThrownBy(() -> new IntentLoader().load(dir.resolve("nope"))).hasMessageContaining("does not exist");
    }
}
