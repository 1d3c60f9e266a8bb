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
                        .asText()).startsWith("t:de:");
            } finally {
                bot.stop();
            }
        }
    }
}
