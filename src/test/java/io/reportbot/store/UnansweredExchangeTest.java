package io.reportbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import io.reportbot.engine.Inbound;
import io.reportbot.engine.IntentScore;
import io.reportbot.engine.Reply;
import io.reportbot.review.Review;
import io.reportbot.review.UnansweredLog;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unanswered-questions log as an import into the store and an export out of it: nothing collected is lost. */
class UnansweredExchangeTest {

    @TempDir
    Path dir;

    @Test
    void aLogWrittenBeforeTheStoreExistedIsImportedOnceAndExportedBackForReview() throws Exception {
        Path log = dir.resolve("unanswered.jsonl");
        try (UnansweredLog writer = UnansweredLog.open(log)) {
            Reply r = new Reply(Language.DE, "fallback", 0.2, true, "…", List.of(), List.of(), List.of(),
                    List.of(new IntentScore("out_of_scope", 0.3), new IntentScore("unicorns", 0.2)));
            writer.fellBack(Inbound.of("Wie wird das Wetter in Peking?", "chat-1", "telegram"), r);
            writer.fellBack(Inbound.of("Einhörner <b>2030</b>?", "chat-2", "discord"), r);
        }
        Files.writeString(log, Files.readString(log) + "{not json\n");

        try (QuestionStore store = QuestionStore.open("jdbc:sqlite:" + dir.resolve("q.db"))) {
            UnansweredExchange.Imported first = UnansweredExchange.importLog(store, log, "bundled");
            UnansweredExchange.Imported again = UnansweredExchange.importLog(store, log, "bundled");
            assertThat(first).isEqualTo(new UnansweredExchange.Imported(2, 0, 1));
            assertThat(again).isEqualTo(new UnansweredExchange.Imported(0, 2, 1));
            assertThat(store.open(Instant.EPOCH, 10)).extracting(InboxEntry::text)
                    .containsExactlyInAnyOrder("Wie wird das Wetter in Peking?", "Einhörner <b>2030</b>?");

            Path export = dir.resolve("export.jsonl");
            StringWriter out = new StringWriter();
            assertThat(UnansweredExchange.export(store, Instant.EPOCH, out)).isEqualTo(2);
            Files.writeString(export, out.toString(), StandardCharsets.UTF_8);
            Review.Log read = Review.read(export);
            assertThat(read.brokenLines()).isZero();
            assertThat(read.entries()).extracting(Review.Entry::text)
                    .containsExactly("Wie wird das Wetter in Peking?", "Einhörner <b>2030</b>?");
            assertThat(read.entries().get(0).nearestIntent()).as("review skips out_of_scope for the nearest intent")
                    .isEqualTo("unicorns");
        }
    }
}
