package io.reportbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import io.reportbot.ops.BotEvents;
import io.reportbot.telegram.Admission.Verdict;
import io.reportbot.telegram.Route.ChatRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdmissionTest {
    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private final Admission admission = new Admission(gate(20), gate(20), gate(5), BotEvents.NONE);

    private ChatGate gate(int perMinute) {
        return new ChatGate(perMinute, Duration.ofMinutes(1), clock, nanos::get);
    }

    private static Route.Question question(long chat) {
        return new Route.Question(new ChatRef(chat, null, chat > 0), 1, "Einhörner?", Optional.empty());
    }

    private static Route.InlineQuestion inline(long user) {
        return new Route.InlineQuestion("q", user, "Einh", Optional.empty());
    }

    @Test
    void aFloodGetsTwentyAnswersOneNoteAndThenSilence() {
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            verdicts.add(admission.admit(question(-1), Optional.of((long) i))); // many users, one group
        }
        assertThat(verdicts.subList(0, 20)).containsOnly(Verdict.ADMIT);
        assertThat(verdicts.get(20)).isEqualTo(Verdict.SLOW_DOWN);
        assertThat(verdicts.subList(21, 100)).containsOnly(Verdict.DROP);
        assertThat(admission.admit(question(-2), Optional.of(500L))).as("other chats").isEqualTo(Verdict.ADMIT);
    }

    @Test
    void theNoteComesAgainOnlyAfterAnAnswer() {
        for (int i = 0; i < 22; i++) {
            admission.admit(question(-1), Optional.empty());
        }
        nanos.addAndGet(Duration.ofSeconds(3).toNanos()); // one token back
        assertThat(admission.admit(question(-1), Optional.empty())).isEqualTo(Verdict.ADMIT);
        assertThat(admission.admit(question(-1), Optional.empty())).isEqualTo(Verdict.SLOW_DOWN);
        assertThat(admission.admit(question(-1), Optional.empty())).isEqualTo(Verdict.DROP);
    }

    @Test
    void inlineQueriesHaveTheirOwnAllowanceAndDoNotUseUpTheUsersQuestions() {
        for (int i = 0; i < 50; i++) {
            admission.admit(inline(7), Optional.of(7L)); // one per keystroke
        }
        assertThat(admission.admit(question(7), Optional.of(7L))).isEqualTo(Verdict.ADMIT);
    }

    @Test
    void anInlineQueryOverItsAllowanceAlwaysGetsTheNote() {
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            verdicts.add(admission.admit(inline(7), Optional.of(7L)));
        }
        assertThat(verdicts.subList(0, 5)).containsOnly(Verdict.ADMIT);
        assertThat(verdicts.subList(5, 10)).containsOnly(Verdict.SLOW_DOWN);
    }

    @Test
    void aQuestionHeldBackByTheUsersLimitIsToldInEachChat() {
        for (int i = 0; i < 20; i++) {
            assertThat(admission.admit(question(-(i + 10)), Optional.of(7L))).isEqualTo(Verdict.ADMIT);
        }
        assertThat(admission.admit(question(-100), Optional.of(7L))).as("a group").isEqualTo(Verdict.SLOW_DOWN);
        assertThat(admission.admit(question(7), Optional.of(7L))).as("then the private chat").isEqualTo(Verdict.SLOW_DOWN);
        assertThat(admission.admit(question(7), Optional.of(7L))).isEqualTo(Verdict.DROP);
    }
}
