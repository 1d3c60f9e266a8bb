package io.reportbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.adapter.RateGate;
import io.reportbot.adapter.RateGate.Allowance;
import io.reportbot.adapter.RateGate.Verdict;
import io.reportbot.ops.BotEvents;
import io.reportbot.state.InProcessState;
import io.reportbot.state.RateLimits;
import io.reportbot.state.StateSettings;
import io.reportbot.telegram.Route.ChatRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdmissionTest {
    private final AtomicLong nanos = new AtomicLong();
    private final RateLimits limits = new InProcessState(StateSettings.inProcess(), nanos::get).rateLimits();
    private final Admission admission = new Admission(
            new RateGate("telegram", limits, BotEvents.NONE, Allowance.user(perMinute(20)), Allowance.chat(perMinute(20)),
                    nanos::get),
            new RateGate("telegram", limits, BotEvents.NONE, new Allowance("inline", "user", perMinute(5)), null,
                    nanos::get));

    private static RateLimits.Limit perMinute(int n) {
        return new RateLimits.Limit(n, Duration.ofMinutes(1));
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
