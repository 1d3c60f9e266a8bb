package io.reportbot.telegram;

import static io.reportbot.telegram.FakeBotApi.await;
import static io.reportbot.telegram.FakeBotApi.privateMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code reportbot telegram} as a real process: the environment, exit codes, and SIGTERM ending in exit 0. */
class TelegramProcessIT {
    private static final String SECRET = TelegramBotIT.TOKEN.substring(TelegramBotIT.TOKEN.indexOf(':') + 1);

    private record Run(Process process, List<String> stderr) {
    }

    private static Run start(FakeBotApi api, String token) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.reportbot.cli.Main", "telegram");
        pb.environment().keySet().removeIf(k -> k.startsWith("TELEGRAM_") || k.startsWith("REPORTBOT_"));
        if (token != null) {
            pb.environment().put("TELEGRAM_BOT_TOKEN", token);
        }
        pb.environment().put("TELEGRAM_API_URL", api.url().toString());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // process gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new Run(p, lines);
    }

    @Test
    void runsUntilSigtermThenFinishesAndExitsZero() throws Exception {
        try (FakeBotApi api = new FakeBotApi(TelegramBotIT.TOKEN)) {
            Run run = start(api, TelegramBotIT.TOKEN);
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
            Run run = start(api, null);
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
            Run run = start(api, wrong);
            assertThat(run.process().waitFor(40, TimeUnit.SECONDS)).isTrue();
            assertThat(run.process().exitValue()).isEqualTo(2);
            await("message", Duration.ofSeconds(5), () -> run.stderr().stream()
                    .anyMatch(l -> l.contains("Telegram rejected the bot token (HTTP 401)")));
            assertThat(run.stderr()).noneMatch(l -> l.contains("WRONG-fake"));
            assertThat(api.wrongTokens()).containsExactly("/bot" + wrong + "/getme");
        }
    }
}
