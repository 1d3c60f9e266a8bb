package io.reportbot.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.adapter.RateGate.Allowance;
import io.reportbot.adapter.RateGate.Verdict;
import io.reportbot.ops.BotEvents;
import io.reportbot.state.InProcessState;
import io.reportbot.state.RateLimits;
import io.reportbot.state.StateSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateGateTest {
    private final AtomicLong nanos = new AtomicLong();
    private final RateLimits limits = new InProcessState(StateSettings.inProcess(), nanos::get).rateLimits();
    private final List<String> reported = new ArrayList<>();
    private final BotEvents events = new BotEvents() {
        @Override
        public void rateLimited(String platform, String scope) {
            reported.add(platform + ":" + scope);
        }
    };

    private RateGate gate(int perUser, int perChat) {
        return new RateGate("discord", limits, events, Allowance.user(new RateLimits.Limit(perUser, Duration.ofHours(1))),
                Allowance.chat(new RateLimits.Limit(perChat, Duration.ofHours(1))), nanos::get);
    }

    @Test
    void allowsTheLimitThenTellsTheChatOnceThenDrops() {
        RateGate gate = gate(3, 100);
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            verdicts.add(gate.admit("1", "10"));
        }
        assertThat(verdicts).containsExactly(Verdict.ADMIT, Verdict.ADMIT, Verdict.ADMIT, Verdict.SLOW_DOWN,
                Verdict.DROP, Verdict.DROP);
        assertThat(reported).containsExactly("discord:user", "discord:user", "discord:user");
    }

    @Test
    void usersHaveTheirOwnBucketsAndAChatSharesOne() {
        RateGate gate = gate(1, 2);
        assertThat(gate.admit("1", "10")).isEqualTo(Verdict.ADMIT);
        assertThat(gate.admit("1", "11")).as("the same user elsewhere").isEqualTo(Verdict.SLOW_DOWN);
        assertThat(gate.admit("2", "10")).isEqualTo(Verdict.ADMIT);
        assertThat(gate.admit("3", "10")).as("the chat's allowance is used up").isEqualTo(Verdict.SLOW_DOWN);
        assertThat(reported).containsExactly("discord:user", "discord:chat");
    }

    @Test
    void theBucketRefillsAndTheChatIsToldAgainAfterAnAnswer() {
        RateGate gate = gate(1, 100);
        assertThat(gate.admit("1", "10")).isEqualTo(Verdict.ADMIT);
        assertThat(gate.admit("1", "10")).isEqualTo(Verdict.SLOW_DOWN);
        assertThat(gate.admit("1", "10")).isEqualTo(Verdict.DROP);
        nanos.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(gate.admit("1", "10")).isEqualTo(Verdict.ADMIT);
        assertThat(gate.admit("1", "10")).as("told again after a new allowance").isEqualTo(Verdict.SLOW_DOWN);
    }

    @Test
    void withoutAChatEveryQuestionHeldBackGetsTheNote() {
        RateGate inline = new RateGate("telegram", limits, events,
                new Allowance("inline", "user", new RateLimits.Limit(1, Duration.ofHours(1))), null, nanos::get);
        assertThat(inline.admit("7", null)).isEqualTo(Verdict.ADMIT);
        assertThat(inline.admit("7", null)).isEqualTo(Verdict.SLOW_DOWN);
        assertThat(inline.admit("7", null)).isEqualTo(Verdict.SLOW_DOWN);
        assertThat(gate(1, 1).admit("7", "70")).as("the user's questions are another allowance").isEqualTo(Verdict.ADMIT);
    }

    @Test
    void theBucketsAreKeyedByPlatformAllowanceAndId() {
        List<String> keys = new ArrayList<>();
        RateLimits recording = (key, limit) -> keys.add(key);
        new RateGate("telegram", recording, BotEvents.NONE, Allowance.user(new RateLimits.Limit(1, Duration.ofMinutes(1))),
                Allowance.chat(new RateLimits.Limit(1, Duration.ofMinutes(1)))).admit("42", "-100");
        assertThat(keys).containsExactly("telegram:user:42", "telegram:chat:-100");
    }
}
