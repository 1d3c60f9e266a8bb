package io.reportbot.telegram;

import io.reportbot.cli.ReportbotProcess;
import static io.reportbot.telegram.FakeBotApi.await;
import static io.reportbot.telegram.FakeBotApi.privateMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reportbot serve} as a real process against the fake Bot API: configuration from a file and the
 * environment, the allow-list, /healthz and /metrics over HTTP with counters that move, JSON log lines, SIGTERM
 * ending in exit 0, and the token nowhere in the logs (at DEBUG), the error messages or the metrics.
 */
class ServeTelegramIT {
    private static final String SECRET = TelegramBotIT.TOKEN.substring(TelegramBotIT.TOKEN.indexOf(':') + 1);
    private static final Pattern PORT = Pattern.compile("health and metrics on http://127\\.0\\.0\\.1:(\\d+)/healthz");
    /** The user (and chat) id of the private chat, as a number on its own. */
    private static final Pattern USER_ID = Pattern.compile("(?<![0-9])601(?![0-9])");
    private static final String QUESTION = "Wie viele Einhörner gibt es in Peking?";

    @TempDir
    Path dir;

    private static ReportbotProcess serve(FakeBotApi api, String token, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("serve"));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", token);
        env.put("TELEGRAM_API_URL", api.url().toString());
        env.put("REPORTBOT_LOG_LEVEL", "DEBUG");
        return ReportbotProcess.start(command, env);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double sum(String metrics, String prefix) {
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(prefix)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    @Test
    void servesTelegramWithHealthMetricsAllowListAndJsonLogsThenStopsOnSigterm() throws Exception {
        Path config = dir.resolve("reportbot.properties");
        Files.writeString(config, "telegram.allowedChats=601\ntelegram.pollTimeoutSeconds=5\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        try (FakeBotApi api = new FakeBotApi(TelegramBotIT.TOKEN)) {
            ReportbotProcess run = serve(api, TelegramBotIT.TOKEN, "--config", config.toString(), "--metrics-port", "0",
                    "--log-format", "json");
            try {
                await("start-up", Duration.ofSeconds(40), () -> run.stderr().stream().anyMatch(l -> PORT.matcher(l).find()));
                Matcher m = run.stderr().stream().map(PORT::matcher).filter(Matcher::find).findFirst().orElseThrow();
                int port = Integer.parseInt(m.group(1));

                api.deliver(privateMessage(1, 601, 1, "de", QUESTION),
                        privateMessage(2, 603, 1, "de", QUESTION),
                        privateMessage(3, 601, 2, "en", "How many unicorns are there in Beijing?"));
                await("answers", Duration.ofSeconds(20), () -> api.messagesTo(601).size() == 2);

                HttpResponse<String> health = get(port, "/healthz");
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).isEqualTo("{\"up\":true,\"platforms\":{\"telegram\":true}}");

                String metrics = get(port, "/metrics").body();
                assertThat(sum(metrics, "reportbot_questions_total{")).isEqualTo(2.0);
                assertThat(metrics).contains("lang=\"de\"").contains("lang=\"en\"").contains("platform=\"telegram\"")
                        .contains("reportbot_not_allowed_total{platform=\"telegram\"} 1.0")
                        .contains("reportbot_answer_seconds_count{platform=\"telegram\"} 2")
                        .contains("reportbot_answer_seconds_bucket{platform=\"telegram\",le=\"+Inf\"} 2");
                assertThat(api.messagesTo(603)).as("a chat outside the allow-list gets nothing").isEmpty();

                new ProcessBuilder("kill", "-HUP", Long.toString(run.process().pid())).start().waitFor();
                await("reload on SIGHUP", Duration.ofSeconds(30), () -> run.stderr().stream()
                        .anyMatch(l -> l.contains("SIGHUP: reloaded in")));
                api.deliver(privateMessage(4, 601, 3, "de", QUESTION));
                await("an answer after the reload", Duration.ofSeconds(20), () -> api.messagesTo(601).size() == 3);

                run.process().destroy(); // SIGTERM
                assertThat(run.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(run.process().exitValue()).isZero();
                assertThat(api.messagesTo(603)).isEmpty();

                ObjectMapper json = new ObjectMapper();
                List<JsonNode> logLines = new ArrayList<>();
                for (String line : run.stderr()) {
                    if (line.startsWith("{")) {
                        logLines.add(json.readTree(line));
                    }
                }
                assertThat(logLines).as("JSON log lines").isNotEmpty()
                        .allSatisfy(n -> assertThat(n.has("level") && n.has("loggerName")).isTrue());
                assertThat(logLines).anySatisfy(n -> assertThat(n.path("formattedMessage").asText())
                        .contains("Telegram bot @reportbot_test_bot is running"));
                assertThat(logLines).filteredOn(n -> !n.path("level").asText().equals("DEBUG")
                                && !n.path("level").asText().equals("TRACE"))
                        .as("no message text above DEBUG").noneMatch(n -> n.toString().contains("Einhörner")
                                || n.toString().contains("unicorns are"));
                assertThat(logLines).filteredOn(n -> n.toString().contains("Einhörner"))
                        .as("message text never with a user id").noneMatch(n -> USER_ID.matcher(n.toString()).find());

                assertThat(run.stderr()).as("no log line or message shows the token").noneMatch(l -> l.contains(SECRET));
                assertThat(metrics).doesNotContain(SECRET).doesNotContain("Einhörner").doesNotContain("=\"601\"");
                assertThat(health.body()).doesNotContain(SECRET);
            } finally {
                run.process().destroyForcibly();
            }
        }
    }

    @Test
    void aTokenTelegramRejectsExitsWith2WithoutShowingIt() throws Exception {
        try (FakeBotApi api = new FakeBotApi(TelegramBotIT.TOKEN)) {
            String wrong = "654321:WRONG-fake-token-not-real";
            ReportbotProcess run = serve(api, wrong, "--metrics-port", "0");
            assertThat(run.process().waitFor(40, TimeUnit.SECONDS)).isTrue();
            assertThat(run.process().exitValue()).isEqualTo(2);
            await("message", Duration.ofSeconds(5), () -> run.stderr().stream()
                    .anyMatch(l -> l.contains("Telegram rejected the bot token (HTTP 401)")));
            assertThat(run.stderr()).noneMatch(l -> l.contains("WRONG-fake"));
        }
    }
}
