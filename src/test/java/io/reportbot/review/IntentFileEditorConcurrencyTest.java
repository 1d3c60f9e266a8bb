package io.reportbot.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.core.EngineLoadException;
import io.reportbot.core.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight {@code review --add} at once lose nothing; a folder that can't be written is a clear error. */
class IntentFileEditorConcurrencyTest {

    @TempDir
    Path dir;

    static final String FILE = "{\n  \"name\": \"unicorns\",\n  \"kind\": \"topic\",\n  \"examples\": {\n    \"de\": [\n"
            + "      \"Wie viele Einhörner?\"\n    ],\n    \"en\": [\n      \"unicorns?\"\n    ]\n  }\n}\n";

    /** The German examples now in the file. */
    static List<String> germanExamples(Path file) throws Exception {
        JsonNode n = new ObjectMapper().readTree(file.toFile());
        return StreamSupport.stream(n.path("examples").path("de").spliterator(), false).map(JsonNode::asText).toList();
    }

    @RepeatedTest(5)
    void eightThreadsAddingAtOnceLoseNothing() throws Exception {
        Path f = dir.resolve("unicorns.json");
        Files.writeString(f, FILE);
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<IntentFileEditor.Result>> results = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String q = "Wie viele Einhörner gab es im Quartal " + (char) ('A' + i) + "?";
                results.add(pool.submit(() -> {
                    start.await();
                    return IntentFileEditor.add(dir, "unicorns", Language.DE, q);
                }));
            }
            start.countDown();
            for (Future<IntentFileEditor.Result> r : results) {
                assertThat(r.get()).isEqualTo(IntentFileEditor.Result.ADDED);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> examples = germanExamples(f);
        assertThat(examples).hasSize(n + 1).doesNotHaveDuplicates().contains("Wie viele Einhörner?");
        for (int i = 0; i < n; i++) {
            assertThat(examples).contains("Wie viele Einhörner gab es im Quartal " + (char) ('A' + i) + "?");
        }
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder("unicorns.json", ".intents.lock");
        }
    }

    @Test
    void aFolderThatCannotBeWrittenIsAClearErrorAndTheFileIsUnchanged() throws Exception {
        Path f = dir.resolve("unicorns.json");
        Files.writeString(f, FILE);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(dir), "root ignores folder permissions (BadOptionsTest covers it another way)");
            assertThatThrownBy(() -> IntentFileEditor.add(dir, "unicorns", Language.DE, "Neue Frage?"))
                    .isInstanceOf(EngineLoadException.class)
                    .hasMessageStartingWith("cannot change " + f)
                    .hasMessageContaining(".intents.lock");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(Files.readString(f)).isEqualTo(FILE);
    }

    @Test
    void aLockFileThatCannotBeOpenedIsAClearErrorAndTheFileIsUnchanged() throws Exception {
        Path f = dir.resolve("unicorns.json");
        Files.writeString(f, FILE);
        Files.createDirectory(dir.resolve(".intents.lock"));
        assertThatThrownBy(() -> IntentFileEditor.add(dir, "unicorns", Language.DE, "Neue Frage?"))
                .isInstanceOf(EngineLoadException.class)
                .hasMessage("cannot change " + f + ": " + dir.resolve(".intents.lock") + ": Is a directory");
        assertThat(Files.readString(f)).isEqualTo(FILE);
    }
}
