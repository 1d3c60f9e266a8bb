package io.reportbot.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.engine.Inbound;
import io.reportbot.engine.IntentScore;
import io.reportbot.core.Language;
import io.reportbot.engine.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnansweredLogTest {

    @TempDir
    Path dir;

    private static Reply fallback() {
        return new Reply(Language.DE, "fallback", 0.1, true, "Dazu sagt der Bericht nichts", List.of(), List.of(),
                List.of(), List.of(new IntentScore("out_of_scope", 0.6), new IntentScore("unicorns", 0.2),
                        new IntentScore("schools", 0.1)));
    }

    @Test
    void writesOneJsonLinePerQuestionWithoutIds() throws Exception {
        Path file = dir.resolve("unanswered.jsonl");
        try (UnansweredLog log = UnansweredLog.open(file)) {
            log.fellBack(Inbound.of("Wie viele Zebras?", "telegram:123456789", "telegram"), fallback());
            log.fellBack(Inbound.of("Noch eine Frage", "telegram:123456789", "telegram"), fallback());
            log.fellBack(Inbound.of("Und noch eine", "telegram:987654321", "telegram"), fallback());
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("text").asText()).isEqualTo("Wie viele Zebras?");
        assertThat(first.get("language").asText()).isEqualTo("de");
        assertThat(first.get("platform").asText()).isEqualTo("telegram");
        assertThat(first.get("top")).hasSize(3);
        assertThat(first.get("time").asText()).isNotBlank();
        assertThat(String.join("\n", lines)).doesNotContain("123456789").doesNotContain("987654321");
        String asker1 = first.get("asker").asText();
        assertThat(new ObjectMapper().readTree(lines.get(1)).get("asker").asText()).isEqualTo(asker1);
        assertThat(new ObjectMapper().readTree(lines.get(2)).get("asker").asText()).isNotEqualTo(asker1);
        assertThat(Files.getPosixFilePermissions(dir.resolve("unanswered.jsonl.salt")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void theSaltSurvivesARestartSoAskersCanBeCounted() throws Exception {
        Path file = dir.resolve("u.jsonl");
        String a;
        try (UnansweredLog log = UnansweredLog.open(file)) {
            a = log.hash("chat-1");
        }
        try (UnansweredLog log = UnansweredLog.open(file)) {
            assertThat(log.hash("chat-1")).isEqualTo(a);
        }
    }

    @Test
    void anUnwritableLogNeverStopsAnswering() throws Exception {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        UnansweredLog log = UnansweredLog.open(blocker.resolve("u.jsonl"));
        assertThatCode(() -> log.fellBack(Inbound.of("q", "c", "t"), fallback())).doesNotThrowAnyException();
    }

    @Test
    void concurrentWritersNeverInterleaveLines() throws Exception {
        Path file = dir.resolve("c.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (UnansweredLog log = UnansweredLog.open(file)) {
            for (int i = 0; i < 400; i++) {
                int n = i;
                pool.submit(() -> log.fellBack(Inbound.of("Frage " + n + " " + "x".repeat(n), "c" + n, "t"), fallback()));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(400);
        ObjectMapper m = new ObjectMapper();
        for (String l : lines) {
            assertThat(m.readTree(l).get("text").asText()).startsWith("Frage ");
        }
    }
}
