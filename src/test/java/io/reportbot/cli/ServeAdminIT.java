package io.reportbot.cli;

import static io.reportbot.telegram.FakeBotApi.await;
import static io.reportbot.telegram.FakeBotApi.privateMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.store.InboxEntry;
import io.reportbot.store.QuestionStore;
import io.reportbot.telegram.FakeBotApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --admin-port} as a process: Telegram answers (against the fake Bot API) are recorded in the SQLite store
 * with text only for the fallback, the page asks for a login, the store's meters are in /metrics, and SIGTERM writes
 * what is queued and stops cleanly. Without a token the page is refused with exit 2.
 */
class ServeAdminIT {

    static final String TELEGRAM_TOKEN = "123456:TEST-fake-token-not-real";
    static final String ADMIN_TOKEN = "serve-admin-test-token-fake";
    static final Pattern PAGE = Pattern.compile("maintainer's page is on http://127\\.0\\.0\\.1:(\\d+)/");
    static final Pattern OPS = Pattern.compile("health and metrics on http://127\\.0\\.0\\.1:(\\d+)/healthz");

    @TempDir
    Path dir;

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static int port(ReportbotProcess run, Pattern p) {
        Matcher m = run.stderr().stream().map(p::matcher).filter(Matcher::find).findFirst().orElseThrow();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void recordsTelegramAnswersServesThePageAndCountsTheStoreInMetrics() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("questions.db");
        try (FakeBotApi api = new FakeBotApi(TELEGRAM_TOKEN)) {
            ReportbotProcess run = ReportbotProcess.start(List.of("serve", "--admin-port", "0", "--metrics-port", "0"),
                    Map.of("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN, "TELEGRAM_API_URL", api.url().toString(),
                            "REPORTBOT_ADMIN_TOKEN", ADMIN_TOKEN, "REPORTBOT_STORE_JDBC_URL", url,
                            "REPORTBOT_LOG_LEVEL", "INFO"));
            try {
                await("start-up", Duration.ofSeconds(60), () -> run.stderr().stream().anyMatch(l -> PAGE.matcher(l).find()));
                int page = port(run, PAGE);
                int ops = port(run, OPS);

                api.deliver(privateMessage(1, 701, 1, "de", "Wie viele Einhörner gibt es in Beijing?"),
                        privateMessage(2, 701, 2, "de", "Wie wird das Wetter morgen in Hamburg?"));
                await("answers", Duration.ofSeconds(20), () -> api.messagesTo(701).size() == 2);

                HttpResponse<String> login = get(page, "/");
                assertThat(login.statusCode()).isEqualTo(401);
                assertThat(login.body()).contains("REPORTBOT_ADMIN_TOKEN").doesNotContain(ADMIN_TOKEN);
                try {
                    await("written", Duration.ofSeconds(10), () -> metric(ops, "reportbot_store_written_total") == 2.0);
                } catch (AssertionError e) {
                    throw new AssertionError(get(ops, "/metrics").body().lines().filter(l -> l.contains("store")
                            || l.contains("questions_total")).toList() + "\n" + String.join("\n", run.stderr()), e);
                }
                assertThat(metric(ops, "reportbot_store_dropped_total")).isZero();
            } finally {
                run.sigterm();
                run.process().waitFor();
            }
            assertThat(run.process().exitValue()).as(String.join("\n", run.stderr())).isZero();
            assertThat(String.join("\n", run.stderr())).doesNotContain(ADMIN_TOKEN).doesNotContain(TELEGRAM_TOKEN);
        }
        try (QuestionStore store = QuestionStore.open(url)) {
            assertThat(store.count(false)).isEqualTo(2);
            List<InboxEntry> kept = store.open(Instant.EPOCH, 10);
            assertThat(kept).extracting(InboxEntry::text).containsExactly("Wie wird das Wetter morgen in Hamburg?");
            assertThat(kept.get(0).platform()).isEqualTo("telegram");
        }
    }

    @Test
    void thePageWithoutATokenIsRefusedWithExit2() throws Exception {
        ReportbotProcess run = ReportbotProcess.start(List.of("serve", "--admin-port", "0"),
                Map.of("REPORTBOT_STORE_JDBC_URL", "jdbc:sqlite:" + dir.resolve("q.db")));
        run.process().waitFor();
        assertThat(run.process().exitValue()).isEqualTo(2);
        await("message", Duration.ofSeconds(5), () -> run.stderr().stream()
                .anyMatch(l -> l.contains("the maintainer's page needs REPORTBOT_ADMIN_TOKEN")));
    }

    static double metric(int port, String name) {
        try {
            for (String line : get(port, "/metrics").body().split("\n")) {
                if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
