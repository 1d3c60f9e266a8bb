package io.reportbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import io.reportbot.state.RateLimits.Limit;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelegramSettingsTest {
    static final String TOKEN = "123456:TEST-fake-token-not-real";

    @Test
    void readsTheTokenAndUrlFromTheEnvironment() {
        TelegramSettings s = TelegramSettings.load(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_API_URL", "http://127.0.0.1:8081"), Optional.empty(), false);
        assertThat(s.token().reveal()).isEqualTo(TOKEN);
        assertThat(s.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(s.apiPort()).isEqualTo(8081);
        assertThat(s.webhook()).isEmpty();
    }

    @Test
    void defaultsToTelegramsServer() {
        TelegramSettings s = TelegramSettings.load(Map.of("TELEGRAM_BOT_TOKEN", TOKEN), Optional.empty(), false);
        assertThat(s.apiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(s.apiPort()).isEqualTo(443);
    }

    @Test
    void theEnvironmentWinsOverTheConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reportbot.properties");
        Files.writeString(file, "telegram.token=987654:another-fake-token-for-tests\ntelegram.rateLimit.chat.questions=5\n"
                + "telegram.rateLimit.user.questions=3\ntelegram.rateLimit.user.windowSeconds=30\n"
                + "telegram.allowedChats=-100123, 42\n");
        TelegramSettings s = TelegramSettings.load(Map.of("TELEGRAM_BOT_TOKEN", TOKEN), Optional.of(file), false);
        assertThat(s.token().reveal()).isEqualTo(TOKEN);
        assertThat(s.chatRateLimit()).isEqualTo(new Limit(5, Duration.ofMinutes(1)));
        assertThat(s.userRateLimit()).isEqualTo(new Limit(3, Duration.ofSeconds(30)));
        assertThat(s.inlineRateLimit()).as("default").isEqualTo(new Limit(60, Duration.ofMinutes(1)));
        assertThat(s.allowedChats()).containsExactlyInAnyOrder(-100123L, 42L);
        TelegramSettings fromFile = TelegramSettings.load(Map.of(), Optional.of(file), false);
        assertThat(fromFile.token().reveal()).isEqualTo("987654:another-fake-token-for-tests");
    }

    @Test
    void theOldRateLimitNamesStillWork(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.properties");
        Files.writeString(file, "telegram.questionsPerMinute=5\ntelegram.userQuestionsPerMinute=3\n"
                + "telegram.inlineQueriesPerMinute=7\n");
        TelegramSettings s = TelegramSettings.load(Map.of("TELEGRAM_BOT_TOKEN", TOKEN), Optional.of(file), false);
        assertThat(s.chatRateLimit()).isEqualTo(new Limit(5, Duration.ofMinutes(1)));
        assertThat(s.userRateLimit()).isEqualTo(new Limit(3, Duration.ofMinutes(1)));
        assertThat(s.inlineRateLimit()).isEqualTo(new Limit(7, Duration.ofMinutes(1)));
    }

    @Test
    void aMissingTokenSaysWhereToPutIt() {
        assertThatThrownBy(() -> TelegramSettings.load(Map.of(), Optional.empty(), false))
                .isInstanceOf(TelegramConfigException.class)
                .hasMessageContaining("TELEGRAM_BOT_TOKEN").hasMessageContaining("telegram.token");
    }

    @Test
    void aMalformedTokenIsRejectedWithoutShowingIt() {
        String bad = "123456:short secret with spaces";
        assertThatThrownBy(() -> TelegramSettings.load(Map.of("TELEGRAM_BOT_TOKEN", bad), Optional.empty(), false))
                .isInstanceOf(TelegramConfigException.class)
                .hasMessageContaining("malformed")
                .hasMessageNotContaining("short secret");
        assertThatThrownBy(() -> BotToken.parse("no-colon-here-but-long-enough-to-be-a-secret"))
                .hasMessageNotContaining("no-colon");
    }

    @Test
    void theTokenNeverPrintsItself() {
        BotToken token = BotToken.parse(TOKEN);
        assertThat(token.toString()).isEqualTo("<redacted>");
        assertThat(TelegramSettings.of(token, URI.create("http://x")).toString()).doesNotContain("TEST-fake");
        assertThat(token.botId()).isEqualTo(123456);
    }

    @Test
    void rejectsApiUrlsItCannotUse() {
        assertThatThrownBy(() -> TelegramSettings.parseApiUrl("ftp://x")).isInstanceOf(TelegramConfigException.class);
        assertThatThrownBy(() -> TelegramSettings.parseApiUrl("http://x/prefix"))
                .hasMessageContaining("only scheme, host and port");
        assertThatThrownBy(() -> TelegramSettings.parseApiUrl("not a url")).isInstanceOf(TelegramConfigException.class);
        assertThat(TelegramSettings.parseApiUrl("https://api.telegram.org/").getHost()).isEqualTo("api.telegram.org");
    }

    @Test
    void webhookModeNeedsASecret() {
        assertThatThrownBy(() -> TelegramSettings.load(Map.of("TELEGRAM_BOT_TOKEN", TOKEN), Optional.empty(), true))
                .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
        TelegramSettings s = TelegramSettings.load(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_WEBHOOK_SECRET",
                "a-long-enough-secret"), Optional.empty(), true);
        assertThat(s.webhook().orElseThrow().bindHost()).isEqualTo("127.0.0.1");
        assertThat(s.webhook().orElseThrow().toString()).doesNotContain("a-long-enough-secret");
    }
}
