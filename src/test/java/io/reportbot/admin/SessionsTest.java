package io.reportbot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Sessions expire when idle; wrong tokens are limited; each session has its own CSRF token and conversation. */
class SessionsTest {

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aSessionLivesWhileUsedAndEndsWhenIdle() {
        MutableClock clock = new MutableClock();
        Sessions s = new Sessions("a-token-of-sixteen-chars", clock);
        Sessions.Session one = s.create();
        Sessions.Session two = s.create();
        assertThat(one.csrf()).isNotEqualTo(two.csrf()).hasSize(64);
        assertThat(one.conversation()).isNotEqualTo(two.conversation());
        clock.now = clock.now.plus(Duration.ofHours(7));
        assertThat(s.find(one.id())).isPresent();
        clock.now = clock.now.plus(Duration.ofHours(7));
        assertThat(s.find(one.id())).as("used 7 h ago: alive").isPresent();
        assertThat(s.find(two.id())).as("idle for 14 h: gone").isEmpty();
        assertThat(s.find(null)).isEmpty();
    }

    @Test
    void tenWrongTokensAMinuteLockLoginsForTheRestOfTheMinute() {
        MutableClock clock = new MutableClock();
        Sessions s = new Sessions("a-token-of-sixteen-chars", clock);
        assertThat(s.tokenMatches("a-token-of-sixteen-chars")).isTrue();
        assertThat(s.tokenMatches("a-token-of-sixteen-charz")).isFalse();
        assertThat(s.tokenMatches(null)).isFalse();
        for (int i = 0; i < 9; i++) {
            s.failureAllowed();
        }
        assertThat(s.lockedOut()).isFalse();
        s.failureAllowed();
        assertThat(s.lockedOut()).isTrue();
        clock.now = clock.now.plusSeconds(61);
        assertThat(s.lockedOut()).isFalse();
    }
}
