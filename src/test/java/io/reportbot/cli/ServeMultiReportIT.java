package io.reportbot.cli;

import static io.reportbot.telegram.FakeBotApi.await;
import static io.reportbot.telegram.FakeBotApi.privateMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.telegram.FakeBotApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reportbot serve} as a real process serving the bundled white paper and the AI Index summary to the fake
 * Bot API, configured in the file: a chat configured for a report, a question that clearly belongs to one report,
 * and a chat that picks a report with /report.
 */
class ServeMultiReportIT {

    private static final String TOKEN = "123456:TEST-fake-token-not-real";

    @Test
    void serveAnswersEachChatFromItsReport(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("reportbot.properties");
        Files.writeString(config, "telegram.pollTimeoutSeconds=5\n"
                + "reportbot.moreReports=" + Path.of("src/test/resources/reports/ai-index-2024").toAbsolutePath() + "\n"
                + "reportbot.reportByChat=telegram:702=ai-index-2024\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        try (FakeBotApi api = new FakeBotApi(TOKEN)) {
            ReportbotProcess run = ReportbotProcess.start(List.of("serve", "--config", config.toString()),
                    Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", api.url().toString()));
            try {
                await("start-up", Duration.ofSeconds(60), () -> run.stderr().stream()
                        .anyMatch(l -> l.contains("serving 2 reports")));
                api.deliver(privateMessage(1, 701, 1, "de", "Wie viele Einhörner gibt es in Beijing?"),
                        privateMessage(2, 702, 1, "en", "How many AI bills were proposed in Congress?"),
                        privateMessage(3, 703, 1, "en", "/report ai-index-2024"));
                await("answers", Duration.ofSeconds(40), () -> api.messagesTo(701).size() == 1
                        && api.messagesTo(702).size() == 1 && api.messagesTo(703).size() == 1);
                assertThat(api.messagesTo(701).get(0).text()).contains("Weißbuch").contains("36");
                assertThat(api.messagesTo(702).get(0).text()).contains("181");
                assertThat(api.messagesTo(703).get(0).text()).contains("From now on I answer from");
                // both reports take this for theirs (without a pick the white paper, the default, answers): the
                // chat's pick decides
                api.deliver(privateMessage(4, 703, 2, "en", "How much was invested in AI?"));
                await("the picked report", Duration.ofSeconds(40), () -> api.messagesTo(703).size() == 2);
                assertThat(api.messagesTo(703).get(1).text()).contains("67.2 billion US dollars");

                run.sigterm();
                assertThat(run.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(run.process().exitValue()).isZero();
            } finally {
                run.process().destroyForcibly();
            }
        }
    }
}
