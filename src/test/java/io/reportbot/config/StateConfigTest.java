package io.reportbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reportbot.state.StateSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** state.redisUrl / REPORTBOT_REDIS_URL choose Redis; a bad URL is a clear error that never shows the password. */
class StateConfigTest {

    @Test
    void withoutARedisUrlTheStateStaysInProcess() {
        StateSettings s = Config.load(Optional.empty(), Map.of()).stateSettings();
        assertThat(s.redisUrl()).isEmpty();
        assertThat(s.describe()).isEqualTo("in-process");
        assertThat(s.commandTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(s.keyPrefix()).isEqualTo("reportbot:");
    }

    @Test
    void theEnvironmentChoosesRedisAndTheDescriptionHidesThePassword() {
        StateSettings s = Config.load(Optional.empty(),
                Map.of("REPORTBOT_REDIS_URL", "redis://:s3cr3t-pass@10.0.0.5:6380/2")).stateSettings();
        assertThat(s.redisUrl()).contains("redis://:s3cr3t-pass@10.0.0.5:6380/2");
        assertThat(s.describe()).isEqualTo("redis 10.0.0.5:6380/2").doesNotContain("s3cr3t");
    }

    @Test
    void aUrlThatIsNotRedisIsRefusedWithoutEchoingIt() {
        Config c = Config.load(Optional.empty(), Map.of("REPORTBOT_REDIS_URL", "http://user:s3cr3t-pass@host"));
        assertThatThrownBy(c::stateSettings).isInstanceOf(ConfigException.class)
                .hasMessageContaining("redis://").hasMessageNotContaining("s3cr3t");
    }
}
