package io.reportbot.telegram;

import static io.reportbot.telegram.FakeBotApi.await;
import static io.reportbot.telegram.FakeBotApi.privateMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.engine.Engine;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bundled engine behind the adapter, end to end against the fake Bot API: a smoke test of the wiring. */
class TelegramBotRealEngineIT {

    @Test
    void answersGermanAndEnglishWithTheBundledReport() throws Exception {
        Engine engine = Engine.bundled();
        try (FakeBotApi api = new FakeBotApi(TelegramBotIT.TOKEN)) {
            TelegramBot bot = TelegramBot.create(engine, TelegramBotIT.settings(api));
            bot.start();
            try {
                api.deliver(privateMessage(1, 501, 1, "de", "Wie viele Einhörner gibt es in Peking?"),
                        privateMessage(2, 502, 2, "en", "How many unicorns are there in Beijing?"),
                        privateMessage(3, 503, 3, "de", "Wie ist das Wetter morgen <b>&</b>?"));
                await("answers", Duration.ofSeconds(20), () -> api.messagesTo(501).size() == 1
                        && api.messagesTo(502).size() == 1 && api.messagesTo(503).size() == 1);
                String german = api.messagesTo(501).get(0).text();
                String english = api.messagesTo(502).get(0).text();
                assertThat(german).contains("Einhorn").contains("<blockquote>").doesNotContain("<b>Quelle</b>");
                assertThat(english).containsIgnoringCase("unicorn").contains("<blockquote>");
                var fallback = api.messagesTo(503).get(0).body();
                assertThat(fallback.path("text").asText()).doesNotContain("<b>&</b>");
                assertThat(fallback.path("reply_markup").path("inline_keyboard").size()).isPositive();
                assertThat(fallback.path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data")
                        .asText()).startsWith("rb:t:de:");
            } finally {
                bot.stop();
            }
        }
    }

    /**
     * A topic picked by button goes through Engine.answer, so the conversation remembers it: tapping "unicorns"
     * and then asking "und in ganz China?" answers about the unicorns' national total, not about another topic.
     */
    @Test
    void aTappedTopicButtonIsRememberedForTheNextQuestion() throws Exception {
        Engine engine = Engine.bundled();
        try (FakeBotApi api = new FakeBotApi(TelegramBotIT.TOKEN)) {
            TelegramBot bot = TelegramBot.create(engine, TelegramBotIT.settings(api));
            bot.start();
            try {
                String botMessage = "{\"message_id\":77,\"date\":1764000000,\"chat\":{\"id\":601,\"type\":\"private\"},"
                        + "\"from\":{\"id\":123456,\"is_bot\":true,\"first_name\":\"Reportbot\"},\"text\":\"Meinten Sie …?\"}";
                api.deliver("{\"update_id\":11,\"callback_query\":{\"id\":\"cb-tap\",\"from\":{\"id\":601,"
                        + "\"is_bot\":false,\"first_name\":\"Ada\",\"language_code\":\"de\"},\"chat_instance\":\"ci\","
                        + "\"data\":\"rb:t:de:unicorns\",\"message\":" + botMessage + "}}");
                await("the tapped topic's answer", Duration.ofSeconds(20), () -> api.messagesTo(601).size() == 1);
                assertThat(api.messagesTo(601).get(0).text()).contains("36");
                api.deliver(privateMessage(12, 601, 2, "de", "und in ganz China?"));
                await("the follow-up's answer", Duration.ofSeconds(20), () -> api.messagesTo(601).size() == 2);
                assertThat(api.messagesTo(601).get(1).text()).contains("72").contains("Einhorn");
            } finally {
                bot.stop();
            }
        }
    }
}
