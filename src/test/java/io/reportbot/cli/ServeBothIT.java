package io.reportbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reportbot.discord.FakeDiscord;
import io.reportbot.telegram.FakeBotApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reportbot serve} with Telegram and Discord in one process, against {@link FakeBotApi} and
 * {@link FakeDiscord} on 127.0.0.1: one answer per question on each platform from the shared engine, /healthz with
 * both platforms, /metrics counting both, SIGTERM stopping both; and a Discord token the fake rejects, which must
 * stop the Telegram bot that already started and exit 2.
 */
class ServeBothIT {
    /** Fake tokens in the platforms' formats (the same shapes as TelegramBotIT and DiscordBotIT use). */
    private static final String TELEGRAM_TOKEN = "123456:TEST-fake-token-not-real";
    private static final String DISCORD_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.FAKE1.fake-token-for-tests-only_0123456789";
    private static final Pattern PORT = Pattern.compile("health and metrics on http://127\\.0\\.0\\.1:(\\d+)/healthz");
    private static final long CHAT = 701;

    @TempDir
    Path dir;

    private ReportbotProcess serve(FakeBotApi telegram, FakeDiscord discord, String discordToken) throws IOException {
        Path config = dir.resolve("reportbot.properties");
        Files.writeString(config, "telegram.pollTimeoutSeconds=2\ntelegram.shutdownGraceSeconds=5\n"
                + "discord.shutdownTimeoutSeconds=5\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN);
        env.put("TELEGRAM_API_URL", telegram.url().toString());
        env.put("DISCORD_BOT_TOKEN", discordToken);
        env.put("DISCORD_API_URL", discord.apiUrl());
        env.put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
        // the intent-model cache of the build, so that the process does not train the model again
        Optional.ofNullable(System.getenv("REPORTBOT_CACHE_DIR")).ifPresent(c -> env.put("REPORTBOT_CACHE_DIR", c));
        return ReportbotProcess.start(List.of("serve", "--config", config.toString(), "--metrics-port", "0"), env);
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of the samples of {@code meter} that carry this platform tag. */
    private static double sum(String metrics, String meter, String platform) {
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(meter + "{") && line.contains("platform=\"" + platform + "\"")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    private static boolean healthy(int port) {
        try {
            HttpResponse<String> r = get(port, "/healthz");
            return r.statusCode() == 200 && r.body().contains("\"telegram\":true") && r.body().contains("\"discord\":true");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The answer to a slash command: in its callback (type 4), or as the edit of the deferred reply. */
    private static Optional<String> discordAnswer(FakeDiscord discord, ObjectNode ask) {
        String id = ask.path("id").asText();
        String token = ask.path("token").asText();
        Optional<JsonNode> data = discord.requests("POST", "/api/v10/interactions/" + id + "/.*/callback").stream()
                .filter(discord::servedNormally).map(FakeDiscord.Request::json)
                .filter(j -> j.path("type").asInt() == 4).map(j -> j.path("data")).findFirst();
        if (data.isEmpty()) {
            data = discord.requests("PATCH", "/api/v10/webhooks/\\d+/" + token + "/messages/@original").stream()
                    .map(FakeDiscord.Request::json).findFirst();
        }
        return data.map(d -> d.path("embeds").path(0).path("description").asText(""));
    }

    @Test
    void servesTelegramAndDiscordFromOneProcessWithHealthMetricsAndSigterm() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi(TELEGRAM_TOKEN); FakeDiscord discord = new FakeDiscord()) {
            ReportbotProcess run = serve(telegram, discord, DISCORD_TOKEN);
            try {
                FakeBotApi.await("start-up", Duration.ofSeconds(40),
                        () -> run.stderr().stream().anyMatch(l -> PORT.matcher(l).find()));
                Matcher m = run.stderr().stream().map(PORT::matcher).filter(Matcher::find).findFirst().orElseThrow();
                int port = Integer.parseInt(m.group(1));
                FakeBotApi.await("both platforms connected", Duration.ofSeconds(20), () -> healthy(port));
                assertThat(get(port, "/healthz").body())
                        .isEqualTo("{\"up\":true,\"platforms\":{\"telegram\":true,\"discord\":true}}");

                telegram.deliver(FakeBotApi.privateMessage(1, CHAT, 1, "de", "Wie viele Einhörner gibt es in Peking?"));
                ObjectNode ask = discord.slashCommand("ask", "en-US", "question", "How many unicorns are there in Beijing?");
                discord.dispatchInteraction(ask);
                FakeBotApi.await("the Telegram answer", Duration.ofSeconds(20), () -> telegram.messagesTo(CHAT).size() == 1);
                FakeBotApi.await("the Discord answer", Duration.ofSeconds(20), () -> discordAnswer(discord, ask).isPresent());
                assertThat(telegram.messagesTo(CHAT).get(0).text()).contains("36 Einhorn-Unternehmen");
                assertThat(discordAnswer(discord, ask).orElseThrow()).contains("36").contains("unicorn");

                String metrics = get(port, "/metrics").body();
                assertThat(sum(metrics, "reportbot_questions_total", "telegram")).isEqualTo(1.0);
                assertThat(sum(metrics, "reportbot_questions_total", "discord")).isEqualTo(1.0);
                assertThat(metrics)
                        .contains("reportbot_questions_total{intent=\"unicorns\",lang=\"de\",platform=\"telegram\"} 1.0")
                        .contains("reportbot_questions_total{intent=\"unicorns\",lang=\"en\",platform=\"discord\"} 1.0")
                        .doesNotContain(TELEGRAM_TOKEN).doesNotContain(DISCORD_TOKEN);

                run.sigterm();
                assertThat(run.process().waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
                assertThat(run.process().exitValue()).isZero();
            } finally {
                run.process().destroyForcibly();
            }
            // counted after the exit, so a late second answer cannot slip in afterwards
            assertThat(telegram.messagesTo(CHAT)).as("Telegram answers").hasSize(1);
            assertThat(discord.requests("POST", "/api/v10/interactions/" + ask(discord) + "/.*/callback"))
                    .as("Discord callbacks").hasSize(1);
            // the process has exited; its last lines may still be on their way through the pipe
            FakeBotApi.await("the last lines", Duration.ofSeconds(5), () -> run.stderr().contains("reportbot serve: stopped."));
            assertThat(run.stderr())
                    .anyMatch(l -> l.contains("Telegram bot stopped"))
                    .anyMatch(l -> l.contains("Discord bot stopped"))
                    .noneMatch(l -> l.contains(TELEGRAM_TOKEN.substring(7)) || l.contains(DISCORD_TOKEN)
                            || l.contains("itoken-")); // the fake Discord's interaction tokens
        }
    }

    /** The id of the one interaction the fake saw a callback for. */
    private static String ask(FakeDiscord discord) {
        List<FakeDiscord.Request> callbacks = discord.requests("POST", "/api/v10/interactions/.*/callback");
        assertThat(callbacks).isNotEmpty();
        return callbacks.get(0).path().split("/")[4];
    }

    @Test
    void aDiscordTokenTheServerRejectsStopsTelegramTooAndExitsWith2() throws Exception {
        String wrong = "MTEwMDAwMDAwMDAwMDAwMDAwMg.FAKE2.WRONG-fake-token-for-tests-only_98765";
        try (FakeBotApi telegram = new FakeBotApi(TELEGRAM_TOKEN); FakeDiscord discord = new FakeDiscord()) {
            discord.rejectEveryToken();
            ReportbotProcess run = serve(telegram, discord, wrong);
            try {
                assertThat(run.process().waitFor(40, TimeUnit.SECONDS)).as("exits on its own").isTrue();
                assertThat(run.process().exitValue()).isEqualTo(2);
                assertThat(run.process().isAlive()).isFalse();
            } finally {
                run.process().destroyForcibly();
            }
            FakeBotApi.await("the message", Duration.ofSeconds(5),
                    () -> run.stderr().stream().anyMatch(l -> l.contains("Discord rejected the bot token")));
            assertThat(run.stderr()).as("Telegram had started before Discord failed")
                    .anyMatch(l -> l.contains("Telegram bot @reportbot_test_bot is running"))
                    .as("and was stopped").anyMatch(l -> l.contains("Telegram bot stopped"))
                    .as("no token shown").noneMatch(l -> l.contains("WRONG-fake") || l.contains(TELEGRAM_TOKEN.substring(7)));
            assertThat(discord.requests()).as("the rejected start-up call").isNotEmpty()
                    .allMatch(r -> !r.authorization().contains("fake-token-for-tests-only_0123456789"));
        }
    }
}
