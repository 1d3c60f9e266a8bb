package io.reportbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight {@code reportbot review --add} processes started at once: every example arrives, no process fails. */
class ReviewAddProcessIT {

    @TempDir
    Path dir;

    @Test
    void eightProcessesAddingAtOnceLoseNothing() throws Exception {
        Path intents = Files.createDirectories(dir.resolve("intents"));
        Path file = intents.resolve("unicorns.json");
        Files.writeString(file, "{\n  \"name\": \"unicorns\",\n  \"kind\": \"topic\",\n  \"examples\": {\n    \"de\": [\n"
                + "      \"Wie viele Einhörner?\"\n    ]\n  }\n}\n", StandardCharsets.UTF_8);
        int n = 8;
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ProcessBuilder pb = LocalelessProcess.builder("review", "--intents", intents.toString(), "--lang", "de",
                    "--add", "unicorns", "Wie viele Einhörner zählt Liste " + i + "?");
            pb.redirectOutput(dir.resolve("out-" + i).toFile()).redirectError(dir.resolve("err-" + i).toFile());
            processes.add(pb.start());
        }
        for (int i = 0; i < n; i++) {
            assertThat(processes.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(processes.get(i).exitValue()).as(Files.readString(dir.resolve("err-" + i))).isZero();
            assertThat(Files.readString(dir.resolve("out-" + i))).startsWith("added to");
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<String> de = StreamSupport.stream(root.path("examples").path("de").spliterator(), false).map(JsonNode::asText).toList();
        System.out.println(n + " concurrent review --add processes: " + (de.size() - 1) + " of " + n + " examples kept");
        assertThat(de).hasSize(n + 1).doesNotHaveDuplicates();
        for (int i = 0; i < n; i++) {
            assertThat(de).contains("Wie viele Einhörner zählt Liste " + i + "?");
        }
    }
}
