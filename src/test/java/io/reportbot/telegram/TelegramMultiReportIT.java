package io.reportbot.telegram;

import static io.reportbot.telegram.FakeBotApi.await;
import static io.reportbot.telegram.FakeBotApi.privateMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.engine.Engine;
import io.reportbot.engine.EngineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two reports behind one Telegram bot, end to end against the fake Bot API: a question that clearly belongs to
 * one report is answered by it, which names itself; {@code /report} lists and picks a report per chat, and the
 * chat keeps it; a chat configured for a report gets it.
 */
class TelegramMultiReportIT {

    @Test
    void eachChatIsAnsweredFromItsReport() throws Exception {
        Engine engine = Engine.create(EngineSettings.bundled().withMore(new EngineSettings.ReportSelection(
                List.of(Path.of("src/test/resources/reports/ai-index-2024")), Optional.empty(),
                Map.of("telegram:604", "ai-index-2024"))));
        try (FakeBotApi api = new FakeBotApi(TelegramBotIT.TOKEN)) {
            TelegramBot bot = TelegramBot.create(engine, TelegramBotIT.settings(api));
            bot.start();
            try {
                api.deliver(privateMessage(1, 601, 1, "en", "How many foundation models were released in 2023?"),
                        privateMessage(2, 603, 1, "de", "Wie viele Einhörner gibt es in Beijing?"),
                        privateMessage(3, 602, 1, "en", "/report"),
                        privateMessage(4, 604, 1, "en", "How many AI bills were proposed in Congress?"));
                await("first answers", Duration.ofSeconds(30), () -> api.messagesTo(601).size() == 1
                        && api.messagesTo(602).size() == 1 && api.messagesTo(603).size() == 1
                        && api.messagesTo(604).size() == 1);
                assertThat(api.messagesTo(601).get(0).text()).contains("From “Stanford AI Index 2024 (summary)”")
                        .contains("149");
                assertThat(api.messagesTo(603).get(0).text()).contains("Aus „Weißbuch zur KI-Branche 2024 (Beijing)“")
                        .contains("36");
                assertThat(api.messagesTo(602).get(0).text()).contains("beijing-ai-whitepaper-2024").contains("ai-index-2024");
                assertThat(api.messagesTo(604).get(0).text()).contains("181").doesNotContain("From “");

                assertThat(api.calls("setMyCommands")).allSatisfy(c -> assertThat(c.body().path("commands").toString())
                        .contains("\"command\":\"report\""));
                api.deliver(privateMessage(5, 602, 2, "en", "/report ai-index-2024"));
                await("picked", Duration.ofSeconds(20), () -> api.messagesTo(602).size() == 2);
                assertThat(api.messagesTo(602).get(1).text()).contains("From now on I answer from");
                api.deliver(privateMessage(6, 602, 3, "en", "How many notable AI models came from Beijing?"));
                await("the picked report answers", Duration.ofSeconds(20), () -> api.messagesTo(602).size() == 3);
                assertThat(api.messagesTo(602).get(2).text()).contains("covers the United States only");
            } finally {
                bot.stop();
            }
        }
    }
}
