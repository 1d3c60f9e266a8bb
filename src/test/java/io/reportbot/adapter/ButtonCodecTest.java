package io.reportbot.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import org.junit.jupiter.api.Test;

class ButtonCodecTest {
    private final ButtonCodec telegram = new ButtonCodec(64);
    private final ButtonCodec discord = new ButtonCodec(100);

    @Test
    void aTopicRoundTripsOnEveryPlatform() {
        for (ButtonCodec codec : new ButtonCodec[] {telegram, discord}) {
            String id = codec.encode(Language.DE, "unicorns").orElseThrow();
            assertThat(id).isEqualTo("rb:t:de:unicorns");
            assertThat(codec.decode(id)).contains(new ButtonCodec.TopicButton(Language.DE, "unicorns"));
        }
    }

    @Test
    void topicIdsThatCannotBeCarriedSafelyAreRefused() {
        assertThat(discord.encode(Language.EN, "a b")).isEmpty();
        assertThat(discord.encode(Language.EN, "ü".repeat(10))).isEmpty();
        assertThat(discord.encode(Language.EN, "x".repeat(81))).isEmpty();
        assertThat(discord.encode(Language.EN, null)).isEmpty();
        assertThat(discord.encode(Language.EN, "x".repeat(80)).orElseThrow()).hasSize(88);
        assertThat(telegram.encode(Language.EN, "x".repeat(57))).isEmpty(); // 64 bytes is Telegram's limit
        assertThat(telegram.encode(Language.EN, "x".repeat(56)).orElseThrow()).hasSize(64);
    }

    @Test
    void rejectsIdsItDidNotMake() {
        for (String id : new String[] {"", "rb:t:", "rb:t:de:", "rb:t:fr:topic", "rb:x:de:topic", "RB:T:DE:topic",
                "rb:t:de:topic:extra", "rb:t:de:../x", "rb:t:de:a b", "rb:t:de:" + "x".repeat(81), "other", "t:de:"}) {
            assertThat(discord.decode(id)).as(id).isEmpty();
        }
        assertThat(discord.decode(null)).isEmpty();
        assertThat(telegram.decode("rb:t:de:" + "x".repeat(57))).as("longer than the platform allows").isEmpty();
    }

    @Test
    void readsTheEarlierTelegramFormOnButtonsSentBefore() {
        assertThat(telegram.decode("t:en:ai-companies")).contains(new ButtonCodec.TopicButton(Language.EN, "ai-companies"));
        assertThat(telegram.decode("t:fr:x")).isEmpty();
    }

    @Test
    void logsUntrustedIdsShortAndPrintable() {
        assertThat(ButtonCodec.forLog("a\nb" + "x".repeat(100))).hasSizeLessThanOrEqualTo(41).doesNotContain("\n");
        assertThat(ButtonCodec.forLog(null)).isEqualTo("null");
    }
}
