package io.reportbot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.store.QuestionStore;
import io.reportbot.store.StoredQuestion;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Traffic part's series: aligned buckets, counts per platform and language, fallback rate with gaps. */
class TrafficTest {

    @TempDir
    Path dir;

    static StoredQuestion q(Instant t, String platform, String lang, boolean fallback) {
        return new StoredQuestion(t, platform, "bundled", lang, fallback ? "fallback" : "unicorns", 0.5, fallback, 1,
                "x", null, List.of());
    }

    @Test
    void bucketsTheLastDayByHourWithARateOnlyWhereThereWereQuestions() {
        Instant now = Instant.parse("2026-12-01T12:30:00Z");
        try (QuestionStore store = QuestionStore.open("jdbc:sqlite:" + dir.resolve("q.db"))) {
            List<StoredQuestion> qs = new ArrayList<>(Arrays.asList(
                    q(now.minusSeconds(60), "telegram", "de", false),
                    q(now.minusSeconds(120), "telegram", "en", true),
                    q(now.minusSeconds(180), "discord", "de", true),
                    q(now.minus(Duration.ofHours(3)), "discord", "en", false),
                    q(now.minus(Duration.ofHours(30)), "discord", "en", false)));
            store.insert(qs);

            Traffic.Chart c = Traffic.chart(store, Traffic.Range.DAY, now);

            assertThat(c.x()).hasSize(24);
            assertThat(c.x().get(23)).isEqualTo(Instant.parse("2026-12-01T12:00:00Z").getEpochSecond());
            assertThat(c.x().get(1) - c.x().get(0)).isEqualTo(3600);
            assertThat(c.questions()).isEqualTo(4);
            assertThat(c.fallbacks()).isEqualTo(2);
            assertThat(c.byPlatform()).containsOnlyKeys("discord", "telegram");
            assertThat(c.byPlatform().get("telegram").get(23)).isEqualTo(2);
            assertThat(c.byPlatform().get("discord").get(20)).isEqualTo(1);
            assertThat(c.byLanguage().get("de").get(23)).isEqualTo(2);
            assertThat(c.fallbackRate().get("all").get(23)).isEqualTo(0.667);
            assertThat(c.fallbackRate().get("all").get(20)).isEqualTo(0.0);
            assertThat(c.fallbackRate().get("all").get(0)).as("no questions: a gap, not 0 %").isNull();
            assertThat(Traffic.chart(store, Traffic.Range.of("30d"), now).questions()).isEqualTo(5);
            assertThat(Traffic.Range.of("nonsense")).isEqualTo(Traffic.Range.DAY);
        }
    }
}
