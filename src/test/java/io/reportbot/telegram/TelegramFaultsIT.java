package io.reportbot.telegram;

import io.reportbot.adapter.ScriptedEngine;
import static io.reportbot.telegram.FakeBotApi.await;
import static io.reportbot.telegram.FakeBotApi.privateMessage;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.reportbot.ops.BotEvents;
import io.reportbot.telegram.FakeBotApi.Call;
import io.reportbot.telegram.FakeBotApi.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The Telegram faults a probe found (issue 12, part 4, 1–9), each against the real telegrambots over HTTP and
 * {@link FakeBotApi} on 127.0.0.1, with a bot of its own per test.
 */
class TelegramFaultsIT {
    static final Duration WAIT = Duration.ofSeconds(10);

    FakeBotApi api;
    TelegramBot bot;
    final List<String> errors = new CopyOnWriteArrayList<>();
    final BotEvents events = new BotEvents() {
        @Override
        public void platformError(String platform, String kind) {
            errors.add(kind);
        }
    };
    ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void fake() throws Exception {
        api = new FakeBotApi(TelegramBotIT.TOKEN);
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger("io.reportbot.telegram")).addAppender(logs); // the bot and its parts
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.stop();
        }
        api.close();
        ((Logger) LoggerFactory.getLogger("io.reportbot.telegram")).detachAppender(logs);
    }

    void start(UnaryOperator<TelegramSettings> tweak) {
        bot = TelegramBot.create(new ScriptedEngine(), tweak.apply(TelegramBotIT.settings(api)), events);
        bot.start();
    }

    List<String> warnings() {
        return logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    static String inlineQuery(int updateId, String queryId, long user, String text) {
        return "{\"update_id\":" + updateId + ",\"inline_query\":{\"id\":\"" + queryId + "\",\"from\":{\"id\":" + user
                + ",\"is_bot\":false,\"first_name\":\"Ada\",\"language_code\":\"de\"},\"query\":" + FakeBotApi.quote(text)
                + ",\"offset\":\"\"}}";
    }

    // 1
    @Test
    void updateIdsThatStartAgainLowerAreNoticedAndAnswered() {
        start(s -> s);
        api.deliver(privateMessage(900_000, 2001, 1, "de", "Wie viele Einhörner?"));
        await("first answer", WAIT, () -> api.messagesTo(2001).size() == 1);
        await("offset past it", WAIT, () -> api.highestOffset() == 900_001);
        api.deliver(privateMessage(17, 2002, 2, "de", "Wie viele Einhörner?"));
        await("answer after the ids restarted", WAIT, () -> api.messagesTo(2002).size() == 1);
        api.deliver(privateMessage(18, 2003, 3, "de", "Wie viele Einhörner?"));
        await("and the next one", WAIT, () -> api.messagesTo(2003).size() == 1);
        await("the offset follows the new ids", WAIT, () -> lastOffset() == 19);
        assertThat(warnings()).anyMatch(w -> w.contains("update ids started again lower"));
        assertThat(errors).contains("update_ids_restarted");
        // no spinning: once settled, polls are long polls
        assertThat(api.lastPoll().path("timeout").asInt()).isPositive();
    }

    private int lastOffset() {
        return api.lastPoll() == null ? -1 : api.lastPoll().path("offset").asInt();
    }

    // 2
    @Test
    void malformedUpdatesInABatchAreSkippedCountedAndTheRestAnswered() {
        start(s -> s);
        api.deliver(privateMessage(100, 2101, 1, "de", "Wie viele Einhörner?"),
                "{\"update_id\":101,\"inline_query\":{\"id\":\"q\",\"query\":\"x\",\"offset\":\"\"}}",
                "{\"update_id\":102,\"message\":{\"message_id\":2,\"date\":1,\"from\":{\"is_bot\":false,"
                        + "\"first_name\":\"A\"},\"chat\":{\"id\":2102,\"type\":\"private\"},\"text\":\"hi\"}}",
                "{\"update_id\":103,\"message\":{\"message_id\":3,\"date\":1,\"from\":{\"id\":2103,\"is_bot\":false,"
                        + "\"first_name\":\"A\"},\"chat\":{\"id\":\"zwei\",\"type\":\"private\"},\"text\":\"hi\"}}",
                privateMessage(104, 2104, 4, "de", "Wie viele Einhörner?"));
        await("the good ones answered", WAIT, () -> api.messagesTo(2101).size() == 1 && api.messagesTo(2104).size() == 1);
        await("the offset passes the bad ones", WAIT, () -> api.highestOffset() == 105);
        assertThat(errors).containsExactly("malformed_update", "malformed_update", "malformed_update");
        assertThat(bot.connected()).isTrue();
    }

    // 3
    @Test
    void anUpdateWithoutAnIdDoesNotStopPolling() {
        start(s -> s);
        api.deliver("{\"message\":{\"message_id\":1,\"date\":1,\"from\":{\"id\":2201,\"is_bot\":false,"
                + "\"first_name\":\"A\"},\"chat\":{\"id\":2201,\"type\":\"private\"},\"text\":\"hi\"}}");
        api.deliver(privateMessage(200, 2202, 2, "de", "Wie viele Einhörner?"));
        await("the next update answered", WAIT, () -> api.messagesTo(2202).size() == 1);
        assertThat(errors).containsExactly("malformed_update");
        assertThat(bot.connected()).isTrue();
        assertThat(api.messagesTo(2201)).isEmpty();
    }

    // 3
    @Test
    void healthTurnsFalseWhenPollingStops() {
        start(s -> s);
        await("connected", WAIT, bot::connected);
        bot.pollSession().getRunningPolling().cancel(true); // polling ends, however it happens
        assertThat(bot.connected()).isFalse();
    }

    // 4
    @Test
    void oneChatsFloodLimitDoesNotHoldUpTheOtherChats() {
        start(s -> s.withWorkers(1).withChatQuestionsPerMinute(1_000).withUserQuestionsPerMinute(1_000));
        long slow = 2300;
        api.failNext("sendMessage", b -> b.path("chat_id").asLong() == slow, Fault.tooManyRequests(4));
        List<String> batch = new ArrayList<>();
        batch.add(privateMessage(300, slow, 1, "de", "Wie viele Einhörner?"));
        for (int i = 1; i < 40; i++) {
            batch.add(privateMessage(300 + i, slow + i, 1, "de", "Wie viele Einhörner?"));
        }
        api.deliver(batch.toArray(String[]::new));
        await("the 39 other chats answered", WAIT, () -> answeredChats(slow + 1, slow + 39) == 39);
        assertThat(api.messagesTo(slow)).as("the chat told to wait is still waiting").isEmpty();
        await("and the waiting chat answered after its wait", WAIT, () -> api.messagesTo(slow).size() == 1);
    }

    private long answeredChats(long from, long to) {
        return api.calls("sendMessage").stream().filter(c -> c.status() == 200 && c.chatId() >= from
                && c.chatId() <= to).map(Call::chatId).distinct().count();
    }

    // 5
    @Test
    void inlineQueriesHaveTheirOwnAllowanceAndAHeldBackQueryGetsTheNote() {
        start(s -> s.withUserQuestionsPerMinute(3).withInlineQueriesPerMinute(5));
        long user = 2401;
        List<String> keystrokes = new ArrayList<>();
        String typed = "Wie viele Einhörner gibt es";
        for (int i = 0; i < 8; i++) {
            keystrokes.add(inlineQuery(400 + i, "iq-" + i, user, typed.substring(0, 10 + 2 * i)));
        }
        api.deliver(keystrokes.toArray(String[]::new));
        await("every inline query answered", WAIT, () -> api.calls("answerInlineQuery").size() == 8);
        List<Call> inline = api.calls("answerInlineQuery");
        assertThat(inline.stream().filter(c -> c.body().path("results").size() == 1)).hasSize(5);
        List<Call> held = inline.stream().filter(c -> c.body().path("results").isEmpty()).toList();
        assertThat(held).hasSize(3).allSatisfy(c -> assertThat(c.body().path("button").path("text").asText())
                .isEqualTo("Zu viele Fragen auf einmal: bitte eine Minute warten"));
        // the user's questions are untouched by the keystrokes
        api.deliver(privateMessage(410, user, 1, "de", "Wie viele Einhörner?"));
        await("the private question answered", WAIT, () -> api.messagesTo(user).size() == 1);
        assertThat(api.messagesTo(user).get(0).text()).contains(ScriptedEngine.UNICORNS_DE);
        // and a question held back by the user's limit is told so, in each chat it came from
        api.deliver(privateMessage(411, user, 2, "de", "Wie viele Einhörner?"),
                privateMessage(412, user, 3, "de", "Wie viele Einhörner?"),
                privateMessage(413, user, 4, "de", "Wie viele Einhörner?"));
        await("two answers and a note", WAIT, () -> api.messagesTo(user).size() == 4);
        assertThat(api.messagesTo(user).get(3).text()).startsWith("Das sind viele Fragen auf einmal");
    }

    // 6
    @Test
    void theTypingIndicatorIsTriedOnceAndNeverHoldsUpTheAnswer() {
        start(s -> s);
        long chat = 2501;
        api.failNext("sendChatAction", b -> b.path("chat_id").asLong() == chat, Fault.tooManyRequests(8));
        api.deliver(privateMessage(500, chat, 1, "de", "Wie viele Einhörner?"));
        await("answer, well before the 8 s retry_after", Duration.ofSeconds(5), () -> api.messagesTo(chat).size() == 1);
        assertThat(api.calls("sendChatAction").stream().filter(c -> c.chatId() == chat)).hasSize(1);
    }

    // 7
    @Test
    void healthTurnsTrueOnTheFirstSuccessfulPollAfterAnOutage() {
        start(s -> s.withPollTimeoutSeconds(25));
        await("connected", WAIT, bot::connected);
        for (int i = 0; i < 5; i++) { // every attempt of one poll fails
            api.failNext("getUpdates", b -> true, Fault.serverError());
        }
        api.deliver(privateMessage(600, 2601, 1, "de", "Wie viele Einhörner?")); // ends the long poll in flight
        await("outage noticed", WAIT, () -> !bot.connected());
        // well before the 25 s long poll would end
        await("healthy again", WAIT, bot::connected);
        List<Call> polls = api.calls("getUpdates");
        int firstGood = -1;
        for (int i = polls.size() - 1; i >= 0 && polls.get(i).status() == 200; i--) {
            firstGood = i;
        }
        assertThat(polls.get(firstGood).body().path("timeout").asInt()).as("the poll after the outage is short")
                .isZero();
        await("answered", WAIT, () -> api.messagesTo(2601).size() == 1);
    }

    // 8
    @Test
    void aForgedCallbackWithAnUnknownTopicIsOnlyAcknowledged() {
        start(s -> s);
        long chat = -2701;
        String message = "{\"message_id\":55,\"date\":1764000000,\"chat\":{\"id\":" + chat + ",\"type\":\"group\","
                + "\"title\":\"G\"},\"from\":{\"id\":123456,\"is_bot\":true,\"first_name\":\"Reportbot\"},\"text\":\"x\"}";
        api.deliver("{\"update_id\":700,\"callback_query\":{\"id\":\"cb-forged\",\"from\":{\"id\":9,\"is_bot\":false,"
                + "\"first_name\":\"M\"},\"chat_instance\":\"ci\",\"data\":\"rb:t:de:no-such-topic\",\"message\":" + message
                + "}}");
        await("acknowledged", WAIT, () -> api.calls("answerCallbackQuery").stream()
                .anyMatch(c -> c.body().path("callback_query_id").asText().equals("cb-forged")));
        await("settled", WAIT, () -> api.highestOffset() == 701 && bot.inFlight() == 0);
        assertThat(api.messagesTo(chat)).isEmpty();
        assertThat(api.calls("sendChatAction").stream().filter(c -> c.chatId() == chat)).isEmpty();
    }

    // 9
    @Test
    void inlineResultTitlesAreCutBetweenCharactersNeverInsideAnEmoji() {
        start(s -> s);
        String family = "👩‍👩‍👧‍👦"; // 11 UTF-16 units, one character on screen
        String text = "x" + family.repeat(8);
        api.deliver(inlineQuery(800, "iq-emoji", 2801, text));
        await("inline answer", WAIT, () -> !api.calls("answerInlineQuery").isEmpty());
        String title = api.calls("answerInlineQuery").get(0).body().path("results").get(0).path("title").asText();
        assertThat(title).endsWith("…").hasSizeLessThanOrEqualTo(64);
        assertThat(title).isEqualTo("x" + family.repeat(5) + "…");
    }
}
