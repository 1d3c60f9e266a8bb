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

    /**
     * From a jar, the bundled intents are listed through the jar's index, not a zip file system: the same intents in
     * the same order as from the folder; other files, sub-folders and other folders' files are not intents.
     */
    @Test
    void fromAJarTheBundledIntentsAreTheFolderOnes() throws Exception {
        Path jar = dir.resolve("bundle.jar");
        String prefix = "reports/beijing-ai-2024/intents/";
        List<Path> files;
        try (java.util.stream.Stream<Path> s = Files.list(Path.of("intents"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).toList();
        }
        List<Path> shuffled = new java.util.ArrayList<>(files);
        java.util.Collections.shuffle(shuffled, new java.util.Random(9));
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry(prefix));
            for (Path f : shuffled) { // in no particular order
                out.putNextEntry(new java.util.jar.JarEntry(prefix + f.getFileName()));
                out.write(Files.readAllBytes(f));
            }
            out.putNextEntry(new java.util.jar.JarEntry(prefix + "README.txt"));
            out.write("not an intent".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.putNextEntry(new java.util.jar.JarEntry(prefix + "old/unicorns.json"));
            out.write("{broken".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.putNextEntry(new java.util.jar.JarEntry("reports/other/intents/zz.json"));
            out.write("{broken".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            List<Intent> fromJar = new IntentLoader().loadBundled(loader);
            assertThat(fromJar).isEqualTo(new IntentLoader().load(Path.of("intents")));
            assertThat(fromJar).extracting(Intent::name).isSorted();
        }
    }

    @Test
    void aBrokenIntentInTheJarIsNamed() throws Exception {
        Path jar = dir.resolve("broken.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("reports/beijing-ai-2024/intents/"));
            out.putNextEntry(new java.util.jar.JarEntry("reports/beijing-ai-2024/intents/unicorns.json"));
            out.write("{\"name\": \"unicorns\", \"examples\": {".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> new IntentLoader().loadBundled(loader))
                    .isInstanceOf(EngineLoadException.class)
                    .hasMessageContaining("reports/beijing-ai-2024/intents/unicorns.json")
                    .hasMessageContaining("not valid JSON");
        }
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
