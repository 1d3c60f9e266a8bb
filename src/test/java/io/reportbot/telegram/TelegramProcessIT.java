package io.reportbot.telegram;

import io.reportbot.cli.ReportbotProcess;
import static io.reportbot.telegram.FakeBotApi.await;
import static io.reportbot.telegram.FakeBotApi.privateMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code reportbot telegram} as a real process: the environment, exit codes, and SIGTERM ending in exit 0. */
class TelegramProcessIT {
    private static final String SECRET = TelegramBotIT.TOKEN.substring(TelegramBotIT.TOKEN.indexOf(':') + 1);

    private static ReportbotProcess start(FakeBotApi api, String token) throws IOException {
        Map<String, String> env = new HashMap<>();
        if (token != null) {
            env.put("TELEGRAM_BOT_TOKEN", token);
        }
        env.put("TELEGRAM_API_URL", api.url().toString());
        return ReportbotProcess.start(List.of("telegram"), env);
    }

    @Test
    void runsUntilSigtermThenFinishesAndExitsZero() throws Exception {
        try (FakeBotApi api = new FakeBotApi(TelegramBotIT.TOKEN)) {
            ReportbotProcess run = start(api, TelegramBotIT.TOKEN);
            try {
                await("start-up", Duration.ofSeconds(40), () -> run.stderr().stream()
                        .anyMatch(l -> l.contains("Telegram bot @reportbot_test_bot is running (long polling)")));
                api.deliver(privateMessage(1, 601, 1, "de", "Wie viele Einhörner gibt es in Peking?"));
                await("answer", Duration.ofSeconds(20), () -> api.messagesTo(601).size() == 1);
                run.process().destroy(); // SIGTERM
                assertThat(run.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(run.process().exitValue()).isZero();
                assertThat(run.stderr()).noneMatch(l -> l.contains(SECRET));
                assertThat(api.calls("getUpdates").get(api.calls("getUpdates").size() - 1).body().path("offset").asInt())
                        .as("the handled update is confirmed on the way out").isEqualTo(2);
            } finally {
                run.process().destroyForcibly();
            }
        }
    }

    @Test
    void aMissingTokenExitsWith2() throws Exception {
        try (FakeBotApi api = new FakeBotApi(TelegramBotIT.TOKEN)) {
            ReportbotProcess run = start(api, null);
            assertThat(run.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run.process().exitValue()).isEqualTo(2);
            await("message", Duration.ofSeconds(5), () -> run.stderr().stream()
                    .anyMatch(l -> l.contains("no Telegram bot token") && l.contains("TELEGRAM_BOT_TOKEN")));
            assertThat(api.calls()).isEmpty();
        }
    }

    @Test
    void aTokenTelegramRejectsExitsWith2WithoutShowingIt() throws Exception {
        try (FakeBotApi api = new FakeBotApi(TelegramBotIT.TOKEN)) {
            String wrong = "654321:WRONG-fake-token-not-real";
            ReportbotProcess run = start(api, wrong);
            assertThat(run.process().waitFor(40, TimeUnit.SECONDS)).isTrue();
            assertThat(run.process().exitValue()).isEqualTo(2);
            await("message", Duration.ofSeconds(5), () -> run.stderr().stream()
                    .anyMatch(l -> l.contains("Telegram rejected the bot token (HTTP 401)")));
            assertThat(run.stderr()).noneMatch(l -> l.contains("WRONG-fake"));
            assertThat(api.wrongTokens()).containsExactly("/bot" + wrong + "/getme");
        }
    }
}
