package io.reportbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The waits between gateway connections that end before a session starts. */
class GatewayBackOffTest {

    @Test
    void theFirstDisconnectPassesThenTheWaitDoublesUpToTheMaximum() {
        GatewayBackOff backOff = GatewayBackOff.standard();
        assertThat(backOff.delay(1)).isZero();
        assertThat(backOff.delay(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backOff.delay(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backOff.delay(5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backOff.delay(8)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backOff.delay(1000)).isEqualTo(Duration.ofSeconds(60));
    }
}
