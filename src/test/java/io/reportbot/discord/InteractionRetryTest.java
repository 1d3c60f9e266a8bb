package io.reportbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A callback is retried only while the interaction, aged by its snowflake, is within the window. */
class InteractionRetryTest {
    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");
    private final InteractionRetry retry = new InteractionRetry(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(2500),
            Duration.ZERO);

    @Test
    void aYoungInteractionMayBeRetriedAnOldOneNot() {
        assertThat(retry.inTime(snowflake(NOW.minusMillis(100)))).isTrue();
        assertThat(retry.inTime(snowflake(NOW.minusMillis(2400)))).isTrue();
        assertThat(retry.inTime(snowflake(NOW.minusMillis(2600)))).isFalse();
        assertThat(retry.inTime("not-a-snowflake")).isFalse();
    }

    private static String snowflake(Instant created) {
        return Long.toUnsignedString((created.toEpochMilli() - InteractionRetry.DISCORD_EPOCH) << 22 | 42);
    }
}
