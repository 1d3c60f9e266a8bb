package io.reportbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChatGateTest {
    final AtomicLong nanos = new AtomicLong();
    final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private final ChatGate gate = new ChatGate(20, Duration.ofMinutes(1), clock, nanos::get);

    @Test
    void twentyAMinuteThenNoMoreAndOtherKeysUnaffected() {
        for (int i = 0; i < 20; i++) {
            assertThat(gate.tryAdmit("chat:1")).isTrue();
        }
        assertThat(gate.tryAdmit("chat:1")).isFalse();
        assertThat(gate.tryAdmit("chat:2")).isTrue();
    }

    @Test
    void theLimitRefills() {
        for (int i = 0; i < 22; i++) {
            gate.tryAdmit("chat:1");
        }
        nanos.addAndGet(Duration.ofSeconds(3).toNanos()); // one token back (20 a minute)
        assertThat(gate.tryAdmit("chat:1")).isTrue();
        assertThat(gate.tryAdmit("chat:1")).isFalse();
    }
}
