package io.reportbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import org.junit.jupiter.api.Test;

class ButtonIdsTest {

    @Test
    void encodesCompactIdsThatDecodeBack() {
        String id = ButtonIds.encode(Language.DE, "unicorns").orElseThrow();
        assertThat(id).isEqualTo("rb:t:de:unicorns");
        assertThat(ButtonIds.decode(id)).contains(new ButtonIds.TopicClick(Language.DE, "unicorns"));
    }

    @Test
    void refusesTopicIdsItCannotCarrySafely() {
        assertThat(ButtonIds.encode(Language.EN, "a b")).isEmpty();
        assertThat(ButtonIds.encode(Language.EN, "x".repeat(81))).isEmpty();
        assertThat(ButtonIds.encode(Language.EN, null)).isEmpty();
        assertThat(ButtonIds.encode(Language.EN, "x".repeat(80)).orElseThrow()).hasSizeLessThanOrEqualTo(ButtonIds.MAX_LENGTH);
    }

    @Test
    void rejectsIdsItDidNotMake() {
        for (String id : new String[] {"", "rb:t:", "rb:t:de:", "rb:t:fr:topic", "rb:x:de:topic", "RB:T:DE:topic",
                "rb:t:de:topic:extra", "rb:t:de:../x", "rb:t:de:a b", "rb:t:de:" + "x".repeat(81)}) {
            assertThat(ButtonIds.decode(id)).as(id).isEmpty();
        }
        assertThat(ButtonIds.decode(null)).isEmpty();
    }

    @Test
    void logsUntrustedIdsShortAndPrintable() {
        assertThat(ButtonIds.forLog("a\nb" + "x".repeat(100))).hasSizeLessThanOrEqualTo(41).doesNotContain("\n");
    }
}
