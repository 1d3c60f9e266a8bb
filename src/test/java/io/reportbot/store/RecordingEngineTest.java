package io.reportbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.reportbot.core.Language;
import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import io.reportbot.engine.IntentScore;
import io.reportbot.engine.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the recording decorator stores for each answer, and what it never stores. */
class RecordingEngineTest {

    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;
    QuestionStore store;
    QuestionRecorder recorder;
    Engine inner = mock(Engine.class);
    RecordingEngine engine;

    @BeforeEach
    void setUp() {
        store = QuestionStore.open("jdbc:sqlite:" + dir.resolve("q.db"));
        recorder = new QuestionRecorder(store, 100, Duration.ofDays(90), Clock.fixed(NOW, ZoneOffset.UTC));
        engine = new RecordingEngine(inner, recorder, "bundled", 0.5, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        recorder.close();
        store.close();
    }

    static Reply reply(String intent, double confidence, boolean fallback) {
        return new Reply(Language.DE, intent, confidence, fallback, "…", List.of(), List.of(), List.of(),
                List.of(new IntentScore(intent, confidence), new IntentScore("out_of_scope", 0.1)));
    }

    @Test
    void aConfidentAnswerIsCountedWithoutItsText() throws Exception {
        when(inner.answer(any())).thenReturn(reply("unicorns", 0.93, false));
        Reply r = engine.answer(Inbound.of("Wie viele Einhörner gibt es?", "telegram:4711", "telegram"));
        assertThat(r.intent()).isEqualTo("unicorns");
        assertThat(recorder.flush(Duration.ofSeconds(5))).isTrue();

        assertThat(store.count(false)).isEqualTo(1);
        assertThat(store.count(true)).as("no text kept").isZero();
        assertThat(store.traffic(NOW.minusSeconds(1), NOW.plusSeconds(1), Duration.ofHours(1)))
                .containsExactly(new TrafficRow(NOW.toEpochMilli(), "telegram", "de", 1, 0));
    }

    @Test
    void fallbacksAndLowConfidenceAnswersKeepTheirTextButNeverTheConversationId() throws Exception {
        when(inner.answer(any())).thenReturn(reply("fallback", 0.12, true), reply("financing", 0.41, false));
        engine.answer(Inbound.of("Wie wird das Wetter?", "telegram:4711", "telegram"));
        engine.answer(Inbound.of("Geld?", "discord:99", "discord"));
        assertThat(recorder.flush(Duration.ofSeconds(5))).isTrue();

        List<InboxEntry> open = store.open(NOW.minusSeconds(1), 10);
        assertThat(open).extracting(InboxEntry::text).containsExactlyInAnyOrder("Wie wird das Wetter?", "Geld?");
        assertThat(open).allSatisfy(e -> assertThat(e.ranking()).hasSize(2));
        String hash = engine.hash("telegram:4711");
        assertThat(hash).hasSize(16).doesNotContain("4711").isNotEqualTo(engine.hash("discord:99"));
    }

    @Test
    void anUnknownPlatformIsStoredAsOther() {
        assertThat(RecordingEngine.platform("telegram")).isEqualTo("telegram");
        assertThat(RecordingEngine.platform("Tele gram<script>")).isEqualTo("other");
        assertThat(RecordingEngine.platform(null)).isEqualTo("other");
    }

    @Test
    void aBrokenStoreNeverCostsAnAnswerAndTheDropsAreCounted() throws Exception {
        when(inner.answer(any())).thenReturn(reply("unicorns", 0.93, false));
        store.close();
        for (int i = 0; i < 5; i++) {
            assertThat(engine.answer(Inbound.of("Einhörner?", "c", "console")).intent()).isEqualTo("unicorns");
        }
        recorder.flush(Duration.ofSeconds(5));
        assertThat(recorder.dropped()).isEqualTo(5);
        assertThat(recorder.written()).isZero();
    }
}
