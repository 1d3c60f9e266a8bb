package io.reportbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import io.reportbot.state.RateLimits.Limit;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscordSettingsTest {
    static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.FAKE1.fake-token-for-tests-only_0123456789";

    @TempDir
    Path dir;

    @Test
    void readsTheTokenFromTheEnvironmentWithDiscordsDefaults() {
        DiscordSettings c = DiscordSettings.load(Map.of("DISCORD_BOT_TOKEN", TOKEN), Optional.empty());
        assertThat(c.token()).isEqualTo(TOKEN);
        assertThat(c.apiUrl()).isEqualTo("https://discord.com/api/v10/");
        assertThat(c.gatewayUrl()).isEmpty();
        assertThat(c.perGuildCommands()).isFalse();
        assertThat(c.answerMentions()).as("off by default").isFalse();
        assertThat(c.shardsTotal()).isEqualTo(-1);
        assertThat(c.shardRange()).isEmpty();
    }

    @Test
    void readsEverythingFromAConfigFileAndTheEnvironmentWins() throws IOException {
        Path file = write("discord.token=" + TOKEN + "\ndiscord.apiUrl=http://127.0.0.1:8090/api/v10\n"
                + "discord.gatewayUrl=ws://127.0.0.1:8091/\ndiscord.guildIds=123, 456\ndiscord.shards.total=8\n"
                + "discord.shards.range=2-3\ndiscord.mentions.enabled=true\n");
        DiscordSettings c = DiscordSettings.load(Map.of(), Optional.of(file));
        assertThat(c.token()).isEqualTo(TOKEN);
        assertThat(c.apiUrl()).isEqualTo("http://127.0.0.1:8090/api/v10/");
        assertThat(c.gatewayUrl()).contains("ws://127.0.0.1:8091/");
        assertThat(c.guildIds()).containsExactly(123L, 456L);
        assertThat(c.shardsTotal()).isEqualTo(8);
        assertThat(c.shardRange()).contains(new DiscordSettings.ShardRange(2, 3));
        assertThat(c.answerMentions()).isTrue();

        DiscordSettings env = DiscordSettings.load(Map.of("DISCORD_API_URL", "https://proxy.example/api/v10/",
                "DISCORD_GATEWAY_URL", "wss://proxy.example/gw"), Optional.of(file));
        assertThat(env.apiUrl()).isEqualTo("https://proxy.example/api/v10/");
        assertThat(env.gatewayUrl()).contains("wss://proxy.example/gw");
    }

    @Test
    void aMissingTokenSaysWhereToPutIt() {
        assertThatThrownBy(() -> DiscordSettings.load(Map.of(), Optional.empty()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DISCORD_BOT_TOKEN").hasMessageContaining("discord.token");
    }

    @Test
    void aMalformedTokenIsRejectedWithoutShowingIt() {
        for (String bad : new String[] {"secret-but-not-a-token", TOKEN.replace('.', '_'), TOKEN + " extra", "a.b.c"}) {
            assertThatThrownBy(() -> DiscordSettings.load(Map.of("DISCORD_BOT_TOKEN", bad), Optional.empty()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("malformed")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad).doesNotContain("secret"));
        }
    }

    @Test
    void acceptsATokenWithABotPrefix() {
        assertThat(DiscordSettings.load(Map.of("DISCORD_BOT_TOKEN", "Bot " + TOKEN + "\n"), Optional.empty()).token())
                .isEqualTo(TOKEN);
    }

    @Test
    void toStringNeverShowsTheToken() {
        DiscordSettings c = DiscordSettings.load(Map.of("DISCORD_BOT_TOKEN", TOKEN), Optional.empty());
        assertThat(c.toString()).doesNotContain(TOKEN).contains("token=***");
    }

    @Test
    void malformedSettingsGetClearMessages() throws IOException {
        assertInvalid("discord.apiUrl=ftp://x/", "http or https");
        assertInvalid("discord.gatewayUrl=http://x/", "ws or wss");
        assertInvalid("discord.guildIds=abc", "numeric ids");
        assertInvalid("discord.shards.total=0", "positive");
        assertInvalid("discord.shards.range=0-3", "needs discord.shards.total");
        assertInvalid("discord.shards.total=4\ndiscord.shards.range=2-4", "beyond");
        assertInvalid("discord.shards.total=4\ndiscord.shards.range=3-1", "0-3");
        assertInvalid("discord.rateLimit.user.questions=many", "whole number");
        assertInvalid("discord.deferAfterMillis=5000", "2500");
    }

    @Test
    void theOldRateLimitNamesStillWork() throws IOException {
        Path file = write("discord.rateLimit.questions=4\ndiscord.rateLimit.windowSeconds=20\n"
                + "discord.channelRateLimit.questions=9\ndiscord.channelRateLimit.windowSeconds=90\n");
        DiscordSettings c = DiscordSettings.load(Map.of("DISCORD_BOT_TOKEN", TOKEN), Optional.of(file));
        assertThat(c.userRateLimit()).isEqualTo(new Limit(4, Duration.ofSeconds(20)));
        assertThat(c.chatRateLimit()).isEqualTo(new Limit(9, Duration.ofSeconds(90)));
    }

    @Test
    void anUnreadableConfigFileIsReported() {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> DiscordSettings.load(Map.of("DISCORD_BOT_TOKEN", TOKEN), Optional.of(missing)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nope.properties");
    }

    private void assertInvalid(String properties, String expected) throws IOException {
        Path file = write("discord.token=" + TOKEN + "\n" + properties + "\n");
        assertThatThrownBy(() -> DiscordSettings.load(Map.of(), Optional.of(file)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "discord", ".properties");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void theAllowListsNarrowWhereTheBotAnswers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("r.properties");
        java.nio.file.Files.writeString(f, "discord.allowedGuilds=10, 11\ndiscord.allowedChannels=20\n"
                + "discord.rateLimit.chat.questions=3\ndiscord.rateLimit.chat.windowSeconds=30\n");
        DiscordSettings c = DiscordSettings.load(Map.of("DISCORD_BOT_TOKEN", TOKEN), Optional.of(f));
        assertThat(c.allowed(10L, 20)).isTrue();
        assertThat(c.allowed(12L, 20)).as("other guild").isFalse();
        assertThat(c.allowed(11L, 21)).as("other channel").isFalse();
        assertThat(c.allowed(null, 20)).as("a direct message is in no guild").isFalse();
        assertThat(c.chatRateLimit()).isEqualTo(new Limit(3, Duration.ofSeconds(30)));
        assertThat(c.userRateLimit()).as("default").isEqualTo(new Limit(6, Duration.ofMinutes(1)));
        DiscordSettings open = DiscordSettings.load(Map.of("DISCORD_BOT_TOKEN", TOKEN), Optional.empty());
        assertThat(open.allowed(null, 99)).isTrue();
        assertThat(open.toString()).doesNotContain(TOKEN);
    }
}
