package io.reportbot.telegram;

import io.reportbot.adapter.ScriptedEngine;
import static io.reportbot.telegram.FakeBotApi.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.ops.BotEvents;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The per-user limit across chats and the chat allow-list, against the fake Bot API, with the events reported. */
class TelegramLimitsIT {

    private static final class RecordingEvents implements BotEvents {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void rateLimited(String platform, String scope) {
            seen.add("rateLimited:" + platform + ":" + scope);
        }

        @Override
        public void notAllowed(String platform) {
            seen.add("notAllowed:" + platform);
        }
    }

    private static String groupMention(int updateId, long chatId, String text) {
        return "{\"update_id\":" + updateId + ",\"message\":" + FakeBotApi.message(chatId, "group", 1, "de",
                "\"text\":" + FakeBotApi.quote("@reportbot_test_bot " + text)) + "}";
    }

    @Test
    void oneUserIsLimitedAcrossChatsAndOnlyAllowedChatsAreAnswered() throws Exception {
        RecordingEvents events = new RecordingEvents();
        try (FakeBotApi api = new FakeBotApi(TelegramBotIT.TOKEN)) {
            TelegramBot bot = TelegramBot.create(new ScriptedEngine(), TelegramBotIT.settings(api)
                    .withChatQuestionsPerMinute(100).withUserQuestionsPerMinute(2)
                    .withAllowedChats(Set.of(-1001L, -1002L, -1003L)), events);
            bot.start();
            try {
                assertThat(bot.connected()).isTrue();
                // the same user (777 in every group message of the fake) in three groups, and once in a fourth
                api.deliver(groupMention(1, -1001, "Wie viele Einhörner?"), groupMention(2, -1002, "Wie viele Einhörner?"),
                        groupMention(3, -1003, "Wie viele Einhörner?"), groupMention(4, -1004, "Wie viele Einhörner?"));
                await("answers", Duration.ofSeconds(20), () -> api.messagesTo(-1001).size() == 1
                        && api.messagesTo(-1002).size() == 1 && api.messagesTo(-1003).size() == 1);
                assertThat(api.messagesTo(-1001)).hasSize(1);
                assertThat(api.messagesTo(-1002)).hasSize(1);
                assertThat(api.messagesTo(-1003).get(0).body().path("text").asText()).contains("langsamer");
                Thread.sleep(300);
                assertThat(api.messagesTo(-1004)).as("not on the allow-list: silence").isEmpty();
                assertThat(events.seen).containsExactlyInAnyOrder("rateLimited:telegram:user", "notAllowed:telegram");
            } finally {
                bot.stop();
            }
            assertThat(bot.connected()).isFalse();
        }
    }
}
