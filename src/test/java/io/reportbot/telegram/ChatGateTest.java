package io.reportbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import io.reportbot.telegram.ChatGate.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChatGateTest {
    private final AtomicLong nanos = new AtomicLong();
    private final ChatGate gate = new ChatGate(20, Duration.ofMinutes(1), new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }, nanos::get);

    @Test
    void eachUpdateIdPassesOnce() {
        assertThat(gate.firstTime(7)).isTrue();
        assertThat(gate.firstTime(7)).isFalse();
        assertThat(gate.firstTime(8)).isTrue();
    }

    @Test
    void aFloodGetsTwentyAnswersOneWarningAndThenSilence() {
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            verdicts.add(gate.admit("chat:1"));
        }
        assertThat(verdicts.subList(0, 20)).containsOnly(Verdict.ADMIT);
        assertThat(verdicts.get(20)).isEqualTo(Verdict.SLOW_DOWN);
        assertThat(verdicts.subList(21, 100)).containsOnly(Verdict.DROP);
        assertThat(gate.admit("chat:2")).as("other chats are not affected").isEqualTo(Verdict.ADMIT);
    }

    @Test
    void theLimitRefillsAndTheWarningComesAgainOnlyAfterAnAnswer() {
        for (int i = 0; i < 22; i++) {
            gate.admit("chat:1");
        }
        nanos.addAndGet(Duration.ofSeconds(3).toNanos()); // one token back (20 a minute)
        assertThat(gate.admit("chat:1")).isEqualTo(Verdict.ADMIT);
        assertThat(gate.admit("chat:1")).isEqualTo(Verdict.SLOW_DOWN);
        assertThat(gate.admit("chat:1")).isEqualTo(Verdict.DROP);
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        for (int i = 0; i < 20; i++) {
            assertThat(gate.admit("chat:1")).isEqualTo(Verdict.ADMIT);
        }
    }
}
