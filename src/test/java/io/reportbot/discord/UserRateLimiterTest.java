package io.reportbot.discord;

import static io.reportbot.discord.UserRateLimiter.Decision.ALLOW;
import static io.reportbot.discord.UserRateLimiter.Decision.DROP;
import static io.reportbot.discord.UserRateLimiter.Decision.NOTIFY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UserRateLimiterTest {

    @Test
    void allowsTheLimitThenNotifiesOnceThenDrops() {
        UserRateLimiter limiter = new UserRateLimiter(3, Duration.ofHours(1));
        assertThat(limiter.check(1)).isEqualTo(ALLOW);
        assertThat(limiter.check(1)).isEqualTo(ALLOW);
        assertThat(limiter.check(1)).isEqualTo(ALLOW);
        assertThat(limiter.check(1)).isEqualTo(NOTIFY);
        assertThat(limiter.check(1)).isEqualTo(DROP);
        assertThat(limiter.check(1)).isEqualTo(DROP);
    }

    @Test
    void usersHaveTheirOwnBuckets() {
        UserRateLimiter limiter = new UserRateLimiter(1, Duration.ofHours(1));
        assertThat(limiter.check(1)).isEqualTo(ALLOW);
        assertThat(limiter.check(1)).isEqualTo(NOTIFY);
        assertThat(limiter.check(2)).isEqualTo(ALLOW);
    }

    @Test
    void theBucketRefills() throws InterruptedException {
        UserRateLimiter limiter = new UserRateLimiter(1, Duration.ofMillis(100));
        assertThat(limiter.check(1)).isEqualTo(ALLOW);
        assertThat(limiter.check(1)).isEqualTo(NOTIFY);
        Thread.sleep(250);
        assertThat(limiter.check(1)).isEqualTo(ALLOW);
        assertThat(limiter.check(1)).as("notified again after a new allowance").isEqualTo(NOTIFY);
    }
}
