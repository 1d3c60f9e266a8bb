package io.reportbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.engine.IntentScore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every question store does, whatever the database: run against SQLite in the unit tests, PostgreSQL in an IT. */
abstract class QuestionStoreContract {

    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    QuestionStore store;

    /** A fresh, empty store URL. */
    abstract String url() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = QuestionStore.open(url());
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    static StoredQuestion answered(Instant t, String platform, String lang, String intent) {
        return new StoredQuestion(t, platform, "bundled", lang, intent, 0.91, false, 120, "a1b2", null, List.of());
    }

    static StoredQuestion missed(Instant t, String platform, String lang, String text) {
        return new StoredQuestion(t, platform, "bundled", lang, "fallback", 0.12, true, 150, "c3d4", text,
                List.of(new IntentScore("unicorns", 0.12), new IntentScore("out_of_scope", 0.10),
                        new IntentScore("financing", 0.05), new IntentScore("fourth", 0.01)));
    }

    @Test
    void countsQuestionsAndFallbacksPerBucketPlatformAndLanguage() {
        store.insert(List.of(
                answered(T0, "telegram", "de", "unicorns"),
                answered(T0.plusSeconds(60), "telegram", "de", "unicorns"),
                missed(T0.plusSeconds(120), "telegram", "de", "Wie wird das Wetter?"),
                answered(T0.plusSeconds(3600), "discord", "en", "financing"),
                answered(T0.minus(Duration.ofDays(2)), "discord", "en", "financing")));

        List<TrafficRow> rows = store.traffic(T0.minusSeconds(1), T0.plus(Duration.ofHours(2)), Duration.ofHours(1));

        assertThat(rows).containsExactly(
                new TrafficRow(T0.toEpochMilli(), "telegram", "de", 3, 1),
                new TrafficRow(T0.plusSeconds(3600).toEpochMilli(), "discord", "en", 1, 0));
    }

    @Test
    void keepsTextOnlyForKeptQuestionsAndShowsThemNewestFirst() {
        store.insert(List.of(
                answered(T0, "telegram", "de", "unicorns"),
                missed(T0.plusSeconds(1), "telegram", "de", "erste <script>alert(1)</script>"),
                missed(T0.plusSeconds(2), "discord", "en", "second <img src=x onerror=alert(1)>")));

        List<InboxEntry> open = store.open(T0.minusSeconds(10), 100);

        assertThat(store.count(false)).isEqualTo(3);
        assertThat(store.count(true)).isEqualTo(2);
        assertThat(open).extracting(InboxEntry::text)
                .containsExactly("second <img src=x onerror=alert(1)>", "erste <script>alert(1)</script>");
        assertThat(open.get(0).ranking()).as("only the best three intents are kept")
                .extracting(IntentScore::intent).containsExactly("unicorns", "out_of_scope", "financing");
        assertThat(open.get(0).platform()).isEqualTo("discord");
    }

    @Test
    void handlesAQuestionOnceEvenWhenTwoActAtOnce() throws Exception {
        List<StoredQuestion> qs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            qs.add(missed(T0.plusSeconds(i), "telegram", "de", "Frage " + i));
        }
        store.insert(qs);
        List<Long> ids = store.open(T0.minusSeconds(1), 100).stream().map(InboxEntry::id).toList();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> dismiss = () -> store.handle(ids, Status.DISMISSED, T0);
            Callable<Integer> add = () -> store.handle(ids, Status.ADDED, T0);
            Future<Integer> a = pool.submit(dismiss);
            Future<Integer> b = pool.submit(add);
            assertThat(a.get() + b.get()).as("every question marked exactly once").isEqualTo(20);
        } finally {
            pool.shutdown();
        }
        assertThat(store.open(T0.minusSeconds(1), 100)).isEmpty();
        assertThat(store.handle(ids, Status.DISMISSED, T0)).isZero();
        assertThat(store.status(ids.get(0))).isIn(Status.DISMISSED, Status.ADDED);
    }

    @Test
    void retentionDeletesOnlyOlderQuestions() {
        store.insert(List.of(missed(T0.minus(Duration.ofDays(91)), "telegram", "de", "alt"),
                answered(T0.minus(Duration.ofDays(89)), "telegram", "de", "unicorns")));

        assertThat(store.deleteBefore(T0.minus(Duration.ofDays(90)))).isEqualTo(1);
        assertThat(store.count(false)).isEqualTo(1);
        assertThat(store.count(true)).isZero();
    }

    @Test
    void theSaltIsMadeOnceAndSurvivesReopening() throws Exception {
        byte[] first = store.salt();
        String url = reopenUrl();
        store.close();
        store = QuestionStore.open(url);
        assertThat(store.salt()).hasSize(16).isEqualTo(first);
    }

    /** The URL of the same database again. */
    abstract String reopenUrl();
}
