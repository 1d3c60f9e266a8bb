package io.reportbot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.engine.IntentScore;
import io.reportbot.store.InboxEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inbox groups: similar questions together, largest first, with the three intents they came closest to. */
class InboxTest {

    static InboxEntry e(long id, String text, List<IntentScore> top) {
        return new InboxEntry(id, Instant.EPOCH, "telegram", "de", text, true, 0.2, top);
    }

    @Test
    void groupsSimilarQuestionsWithCountsAndTheMeanScoresOfTheirTopIntents() {
        List<IntentScore> a = List.of(new IntentScore("unicorns", 0.3), new IntentScore("out_of_scope", 0.2),
                new IntentScore("financing", 0.1));
        List<IntentScore> b = List.of(new IntentScore("unicorns", 0.1), new IntentScore("financing", 0.3),
                new IntentScore("schools", 0.05));
        List<Inbox.Group> groups = Inbox.group(List.of(
                e(1, "Wie viele Dekakorne gibt es?", a),
                e(2, "Wetter morgen?", List.of(new IntentScore("out_of_scope", 0.4))),
                e(3, "Wie viele Dekakorne gibt es in Beijing?", b),
                e(4, "Wie viele Dekakorne gibt es?", a)));

        assertThat(groups).hasSize(2);
        Inbox.Group first = groups.get(0);
        assertThat(first.count()).isEqualTo(3);
        assertThat(first.members()).extracting(Inbox.Member::id).containsExactly(1L, 3L, 4L);
        assertThat(first.texts()).containsExactly("Wie viele Dekakorne gibt es?", "Wie viele Dekakorne gibt es in Beijing?");
        assertThat(first.top()).containsExactly(new IntentScore("unicorns", 0.233), new IntentScore("financing", 0.167),
                new IntentScore("out_of_scope", 0.133));
        assertThat(groups.get(1).count()).isEqualTo(1);
    }
}
