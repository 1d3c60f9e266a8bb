package io.reportbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background writer: nothing is lost silently, a full queue drops and counts, retention runs. */
class QuestionRecorderTest {

    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;

    static StoredQuestion q(Instant t) {
        return new StoredQuestion(t, "console", "bundled", "en", "unicorns", 0.9, false, 10, "x", null, List.of());
    }

    @Test
    void everyQuestionOfferedIsEitherWrittenOrCountedAsDropped() throws Exception {
        try (QuestionStore store = QuestionStore.open("jdbc:sqlite:" + dir.resolve("q.db"))) {
            QuestionRecorder recorder = new QuestionRecorder(store, 8, Duration.ofDays(90), Clock.fixed(NOW, ZoneOffset.UTC));
            int offered = 5000;
            int accepted = 0;
            for (int i = 0; i < offered; i++) {
                if (recorder.offer(q(NOW))) {
                    accepted++;
                }
            }
            assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
            recorder.close();
            assertThat(recorder.dropped()).as("a queue of 8 cannot take 5000 at once").isPositive();
            assertThat(recorder.written()).isEqualTo(accepted);
            assertThat(recorder.written() + recorder.dropped()).isEqualTo(offered);
            assertThat(store.count(false)).isEqualTo(accepted);
        }
    }

    @Test
    void questionsOlderThanTheRetentionAreDeleted() throws Exception {
        try (QuestionStore store = QuestionStore.open("jdbc:sqlite:" + dir.resolve("q.db"))) {
            store.insert(List.of(q(NOW.minus(Duration.ofDays(8))), q(NOW.minus(Duration.ofDays(6)))));
            QuestionRecorder recorder = new QuestionRecorder(store, 10, Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC));
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (store.count(false) != 1 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            recorder.close();
            assertThat(store.count(false)).isEqualTo(1);
        }
    }
}
