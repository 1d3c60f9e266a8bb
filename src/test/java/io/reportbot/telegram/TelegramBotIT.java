package io.reportbot.telegram;

import io.reportbot.adapter.ScriptedEngine;
import static io.reportbot.telegram.FakeBotApi.await;
import static io.reportbot.telegram.FakeBotApi.privateMessage;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.telegram.FakeBotApi.Call;
import io.reportbot.telegram.FakeBotApi.Fault;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * End to end: the real telegrambots long polling and OkHttp client against {@link FakeBotApi} on 127.0.0.1, with
 * {@link ScriptedEngine} behind the adapter. Each test uses its own chat ids, so the tests share one running bot.
 */
class TelegramBotIT {
    static final String TOKEN = "123456:TEST-fake-token-not-real";
    static final Duration WAIT = Duration.ofSeconds(10);
    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicInteger UPDATE_IDS = new AtomicInteger(1000);

    static FakeBotApi api;
    static TelegramBot bot;
    static ListAppender<ILoggingEvent> logs;

    @BeforeAll
    static void start() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.DEBUG);
        ((Logger) LoggerFactory.getLogger("okhttp3")).setLevel(Level.INFO);
        logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        api = new FakeBotApi(TOKEN);
        bot = TelegramBot.create(new ScriptedEngine(), settings(api));
        bot.start();
    }

    static TelegramSettings settings(FakeBotApi api) {
        return TelegramSettings.of(BotToken.parse(TOKEN), api.url())
                .withPollTimeoutSeconds(10)
                .withRetry(new RetryPolicy(5, Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(10)));
    }

    static void stopAll() {
        if (bot != null) {
            bot.stop();
        }
        if (api != null) {
            api.close();
        }
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
    }

    static int nextId() {
        return UPDATE_IDS.incrementAndGet();
    }

    /** Waits until the bot has received update {@code id} and finished everything it started. */
    static void settle(int id) {
        await("update " + id + " received", WAIT, () -> api.highestOffset() > id);
        await("answers finished", WAIT, () -> bot.inFlight() == 0);
    }

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }


    // ---- expected payloads ----

    static String reply(long chatId, String html, Integer replyTo, String keyboard) {
        return "{\"chat_id\":\"" + chatId + "\",\"text\":" + FakeBotApi.quote(html) + ",\"parse_mode\":\"html\","
                + "\"link_preview_options\":{\"is_disabled\":true},"
                + (replyTo == null ? "" : "\"reply_parameters\":{\"message_id\":" + replyTo
                        + ",\"allow_sending_without_reply\":true,\"quote_entities\":[]},")
                + (keyboard == null ? "" : "\"reply_markup\":" + keyboard + ",")
                + "\"method\":\"sendmessage\"}";
    }

    /** The scripted engine's three topics as Telegram buttons, in German. */
    static final String TOPICS_DE = "{\"inline_keyboard\":[[{\"text\":\"Einhörner\",\"callback_data\":\"rb:t:de:unicorns\"}],"
            + "[{\"text\":\"Investitionen\",\"callback_data\":\"rb:t:de:funding\"}],"
            + "[{\"text\":\"Universitäten\",\"callback_data\":\"rb:t:de:universities\"}]]}";

    /** An answer followed by the scripted engine's source quote under its heading. */
    static String unicornsHtml(String answer, String label) {
        return answer + "\n\n<b>" + label + "</b>\n<blockquote>" + ScriptedEngine.SOURCE + "</blockquote>";
    }

    static String group(int updateId, long chatId, int messageId, String content) {
        return "{\"update_id\":" + updateId + ",\"message\":" + FakeBotApi.message(chatId, "group", messageId, "de",
                content) + "}";
    }

    static void assertPayloads(List<Call> calls, String... expected) throws Exception {
        assertThat(calls).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(calls.get(i).body()).as("call %d", i).isEqualTo(json(expected[i]));
        }
    }

    // ---- start-up ----

    @Test
    void registersCommandsInGermanAndEnglish() {
        List<Call> calls = api.calls("setMyCommands");
        assertThat(calls).extracting(c -> c.body().path("language_code").asText("default"))
                .containsExactly("default", "en", "de");
        assertThat(calls.get(2).body().path("commands").toString()).isEqualTo("[{\"command\":\"start\","
                + "\"description\":\"Starten und Beispielfragen sehen\"},{\"command\":\"help\",\"description\":"
                + "\"So funktioniert der Bot\"},{\"command\":\"topics\",\"description\":\"Was der Bericht abdeckt\"},"
                + "{\"command\":\"ask\",\"description\":\"Eine Frage stellen (in Gruppen)\"},{\"command\":\"lang\","
                + "\"description\":\"Sprache: /lang de oder /lang en\"}]");
        assertThat(api.wrongTokens()).isEmpty();
    }

    // ---- questions ----

    @Test
    void germanQuestionGetsGermanAnswerWithSourceQuote() throws Exception {
        int id = nextId();
        api.deliver(privateMessage(id, 1001, 11, "de", "Wie viele Einhörner gibt es in Peking?"));
        await("answer", WAIT, () -> api.messagesTo(1001).size() == 1);
        settle(id);
        assertPayloads(api.messagesTo(1001), reply(1001, unicornsHtml(ScriptedEngine.UNICORNS_DE, "Quelle"), 11, null));
        assertThat(api.calls("sendChatAction")).anyMatch(c -> c.chatId() == 1001
                && c.body().path("action").asText().equals("typing"));
    }

    @Test
    void englishQuestionGetsEnglishAnswer() throws Exception {
        int id = nextId();
        api.deliver(privateMessage(id, 1002, 12, "de", "How many unicorns does Beijing have?"));
        await("answer", WAIT, () -> api.messagesTo(1002).size() == 1);
        settle(id);
        assertPayloads(api.messagesTo(1002), reply(1002, unicornsHtml(ScriptedEngine.UNICORNS_EN, "Source"), 12, null));
    }

    @Test
    void htmlInTheQuestionIsEscaped() throws Exception {
        int id = nextId();
        api.deliver(privateMessage(id, 1014, 14, "de", "Was ist <b>fett</b> & so?"));
        await("answer", WAIT, () -> api.messagesTo(1014).size() == 1);
        settle(id);
        assertPayloads(api.messagesTo(1014), reply(1014,
                "Zu „Was ist &lt;b&gt;fett&lt;/b&gt; &amp; so?“ sagt der Bericht nichts. Vielleicht interessiert Sie eins"
                        + " dieser Themen:", 14, TOPICS_DE));
    }

    @Test
    void longAnswerIsSplitAtAParagraph() throws Exception {
        int id = nextId();
        api.deliver(privateMessage(id, 1015, 15, "de", "Bitte eine lange Antwort"));
        await("answer", WAIT, () -> api.messagesTo(1015).size() == 2);
        settle(id);
        String[] paragraphs = ScriptedEngine.longAnswer().split("\n\n");
        assertThat(ScriptedEngine.longAnswer()).hasSize(5000);
        String first = String.join("\n\n", List.of(paragraphs).subList(0, 8));
        String second = String.join("\n\n", List.of(paragraphs).subList(8, 10));
        assertPayloads(api.messagesTo(1015), reply(1015, first, 15, null),
                reply(1015, unicornsHtml(second, "Quelle"), null, null)); // the source below the last part
        assertThat(first.length()).isLessThanOrEqualTo(4096);
    }

    // ---- what is not a question ----

    @Test
    void groupMessagesNeedAMentionACommandOrAReply() throws Exception {
        long chat = -2001;
        int plain = nextId();
        int sticker = nextId();
        api.deliver(group(plain, chat, 21, "\"text\":\"Wie viele Einhörner gibt es?\""),
                group(sticker, chat, 22, "\"sticker\":{\"file_id\":\"s1\",\"file_unique_id\":\"u1\",\"type\":\"regular\","
                        + "\"width\":512,\"height\":512,\"is_animated\":false,\"is_video\":false}"));
        settle(sticker);
        assertThat(api.messagesTo(chat)).isEmpty();

        int mention = nextId();
        int ask = nextId();
        int replyToBot = nextId();
        api.deliver(group(mention, chat, 23, "\"text\":\"@reportbot_test_bot wie viele Einhörner?\""),
                group(ask, chat, 24, "\"text\":\"/ask@reportbot_test_bot how many unicorns\""),
                group(replyToBot, chat, 25, "\"text\":\"und die Einhörner?\",\"reply_to_message\":"
                        + "{\"message_id\":5001,\"date\":1764000000,\"chat\":{\"id\":-2001,\"type\":\"group\"},"
                        + "\"from\":{\"id\":123456,\"is_bot\":true,\"first_name\":\"Reportbot\"},\"text\":\"x\"}"));
        await("three answers", WAIT, () -> api.messagesTo(chat).size() == 3);
        settle(replyToBot);
        assertPayloads(api.messagesTo(chat),
                reply(chat, unicornsHtml(ScriptedEngine.UNICORNS_DE, "Quelle"), 23, null),
                reply(chat, unicornsHtml(ScriptedEngine.UNICORNS_EN, "Source"), 24, null),
                reply(chat, unicornsHtml(ScriptedEngine.UNICORNS_DE, "Quelle"), 25, null));
    }

    @Test
    void addedToAGroupGreetsOnce() throws Exception {
        long chat = -2002;
        int id = nextId();
        api.deliver(group(id, chat, 31, "\"new_chat_members\":[{\"id\":123456,\"is_bot\":true,\"first_name\":"
                + "\"Reportbot\",\"username\":\"reportbot_test_bot\"}]"));
        await("greeting", WAIT, () -> api.messagesTo(chat).size() == 1);
        settle(id);
        assertPayloads(api.messagesTo(chat), reply(chat, "Hallo zusammen! Ich beantworte Fragen zum Bericht"
                + " „Weißbuch KI-Industrie Peking 2024“. Fragen Sie mich mit /ask und der Frage, erwähnen Sie mich (@reportbot_test_bot)"
                + " oder antworten Sie auf eine meiner Nachrichten.", null, null));
    }

    @Test
    void stickerInAPrivateChatGetsATextOnlyHint() throws Exception {
        int id = nextId();
        api.deliver("{\"update_id\":" + id + ",\"message\":" + FakeBotApi.message(1003, "private", 13, "en",
                "\"sticker\":{\"file_id\":\"s1\",\"file_unique_id\":\"u1\",\"type\":\"regular\",\"width\":512,"
                        + "\"height\":512,\"is_animated\":false,\"is_video\":false}") + "}");
        await("hint", WAIT, () -> api.messagesTo(1003).size() == 1);
        settle(id);
        assertPayloads(api.messagesTo(1003), reply(1003, "I can only read text. Please type your question.", 13, null));
    }

    @Test
    void editedMessagesAndChannelPostsAreIgnored() throws Exception {
        int edited = nextId();
        int post = nextId();
        api.deliver("{\"update_id\":" + edited + ",\"edited_message\":" + FakeBotApi.message(1004, "private", 16, "de",
                        "\"edit_date\":1764000100,\"text\":\"Wie viele Einhörner?\"") + "}",
                "{\"update_id\":" + post + ",\"channel_post\":{\"message_id\":3,\"date\":1764000000,\"chat\":"
                        + "{\"id\":-1001004,\"type\":\"channel\",\"title\":\"News\"},\"text\":\"Wie viele Einhörner?\"}}");
        settle(post);
        assertThat(api.messagesTo(1004)).isEmpty();
        assertThat(api.messagesTo(-1001004)).isEmpty();
    }

    @Test
    void theSameUpdateTwiceIsAnsweredOnce() throws Exception {
        int id = nextId();
        String update = privateMessage(id, 1018, 18, "de", "Wie viele Einhörner?");
        api.deliver(update, update);
        await("answer", WAIT, () -> api.messagesTo(1018).size() == 1);
        settle(id);
        int marker = nextId();
        api.deliver(update, privateMessage(marker, 1018, 19, "de", "Einhörner?"));
        await("second answer", WAIT, () -> api.messagesTo(1018).size() == 2);
        settle(marker);
        assertThat(api.messagesTo(1018)).extracting(c -> c.body().path("reply_parameters").path("message_id").asInt())
                .containsExactly(18, 19);
    }

    // ---- buttons, commands, inline mode ----

    @Test
    void tappingATopicButtonAnswersThatTopic() throws Exception {
        int id = nextId();
        int foreign = nextId();
        String botMessage = "{\"message_id\":55,\"date\":1764000000,\"chat\":{\"id\":1007,\"type\":\"private\"},"
                + "\"from\":{\"id\":123456,\"is_bot\":true,\"first_name\":\"Reportbot\"},\"text\":\"Meinten Sie …?\"}";
        api.deliver("{\"update_id\":" + id + ",\"callback_query\":{\"id\":\"cb-1\",\"from\":{\"id\":1007,\"is_bot\":false,"
                        + "\"first_name\":\"Ada\",\"language_code\":\"de\"},\"chat_instance\":\"ci\",\"data\":\"rb:t:de:unicorns\","
                        + "\"message\":" + botMessage + "}}",
                "{\"update_id\":" + foreign + ",\"callback_query\":{\"id\":\"cb-2\",\"from\":{\"id\":1007,\"is_bot\":false,"
                        + "\"first_name\":\"Ada\"},\"chat_instance\":\"ci\",\"data\":\"something-else\",\"message\":"
                        + botMessage + "}}");
        await("answer", WAIT, () -> api.messagesTo(1007).size() == 1);
        settle(foreign);
        assertThat(api.calls("answerCallbackQuery").stream()
                        .filter(c -> c.body().path("callback_query_id").asText().startsWith("cb-")).map(Call::body))
                .containsExactlyInAnyOrder(json("{\"callback_query_id\":\"cb-1\",\"method\":\"answercallbackquery\"}"),
                        json("{\"callback_query_id\":\"cb-2\",\"method\":\"answercallbackquery\"}"));
        assertPayloads(api.messagesTo(1007), reply(1007, unicornsHtml(ScriptedEngine.UNICORNS_DE, "Quelle"), 55, null));
    }

    @Test
    void commandsStartTopicsAndLang() throws Exception {
        long chat = 1019;
        int start = nextId();
        int topics = nextId();
        int lang = nextId();
        int question = nextId();
        api.deliver(privateMessage(start, chat, 41, "de", "/start"),
                privateMessage(topics, chat, 42, "de", "/topics"),
                privateMessage(lang, chat, 43, "de", "/lang en"),
                privateMessage(question, chat, 44, "de", "unicorns?"));
        await("four answers", WAIT, () -> api.messagesTo(chat).size() == 4);
        settle(question);
        assertPayloads(api.messagesTo(chat),
                reply(chat, "Hallo! Ich beantworte Fragen zum Bericht „Weißbuch KI-Industrie Peking 2024“, auf Deutsch"
                        + " oder Englisch.\n\nZum Beispiel:\n• Wie viele Einhörner gibt es in Peking?\n• Wie hoch waren die"
                        + " Investitionen 2024?"
                        + "\n\n/topics zeigt, was der Bericht abdeckt, /help erklärt den Rest.", 41, null),
                reply(chat, "Das deckt der Bericht ab. Tippen Sie auf ein Thema:", 42, TOPICS_DE),
                reply(chat, "From now on I will answer in English in this chat, unless you ask in German.", 43, null),
                reply(chat, unicornsHtml(ScriptedEngine.UNICORNS_EN, "Source"), 44, null));
    }

    @Test
    void inlineQueryGetsAnArticle() throws Exception {
        int id = nextId();
        api.deliver("{\"update_id\":" + id + ",\"inline_query\":{\"id\":\"iq-1\",\"from\":{\"id\":1008,\"is_bot\":false,"
                + "\"first_name\":\"Ada\",\"language_code\":\"en\"},\"query\":\"how many unicorns\",\"offset\":\"\"}}");
        await("inline answer", WAIT, () -> !api.calls("answerInlineQuery").isEmpty());
        settle(id);
        assertPayloads(api.calls("answerInlineQuery"), "{\"inline_query_id\":\"iq-1\",\"results\":[{\"type\":\"article\","
                + "\"id\":\"" + UpdateHandler.resultId("en\nhow many unicorns") + "\",\"title\":\"how many unicorns\","
                + "\"input_message_content\":{\"message_text\":" + FakeBotApi.quote(unicornsHtml(ScriptedEngine.UNICORNS_EN,
                "Source")) + ",\"parse_mode\":\"html\",\"link_preview_options\":{\"is_disabled\":true}},"
                + "\"description\":" + FakeBotApi.quote(ScriptedEngine.UNICORNS_EN) + "}],\"cache_time\":300,"
                + "\"is_personal\":false,\"method\":\"answerInlineQuery\"}");
    }

    // ---- faults ----

    @Test
    void waitsForRetryAfterOn429ThenSends() throws Exception {
        api.failNext("sendMessage", b -> b.path("chat_id").asLong() == 1010, Fault.tooManyRequests(1));
        int id = nextId();
        api.deliver(privateMessage(id, 1010, 10, "de", "Wie viele Einhörner?"));
        await("answer", WAIT, () -> api.messagesTo(1010).size() == 1);
        settle(id);
        List<Call> attempts = api.calls("sendMessage").stream().filter(c -> c.chatId() == 1010).toList();
        assertThat(attempts).extracting(Call::status).containsExactly(429, 200);
        assertThat(Duration.ofNanos(attempts.get(1).nanoTime() - attempts.get(0).nanoTime()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertPayloads(api.messagesTo(1010), reply(1010, unicornsHtml(ScriptedEngine.UNICORNS_DE, "Quelle"), 10, null));
    }

    @Test
    void retriesAfterA500() throws Exception {
        api.failNext("sendMessage", b -> b.path("chat_id").asLong() == 1011, Fault.serverError());
        int id = nextId();
        api.deliver(privateMessage(id, 1011, 10, "de", "Wie viele Einhörner?"));
        await("answer", WAIT, () -> api.messagesTo(1011).size() == 1);
        settle(id);
        assertThat(api.calls("sendMessage").stream().filter(c -> c.chatId() == 1011)).extracting(Call::status)
                .containsExactly(500, 200);
        assertPayloads(api.messagesTo(1011), reply(1011, unicornsHtml(ScriptedEngine.UNICORNS_DE, "Quelle"), 10, null));
    }

    @Test
    void retriesAfterADroppedConnection() throws Exception {
        api.failNext("sendMessage", b -> b.path("chat_id").asLong() == 1012, Fault.dropConnection());
        int id = nextId();
        api.deliver(privateMessage(id, 1012, 10, "de", "Wie viele Einhörner?"));
        await("answer", WAIT, () -> api.messagesTo(1012).size() == 1);
        settle(id);
        assertThat(api.calls("sendMessage").stream().filter(c -> c.chatId() == 1012)).extracting(Call::status)
                .containsExactly(0, 200);
        assertPayloads(api.messagesTo(1012), reply(1012, unicornsHtml(ScriptedEngine.UNICORNS_DE, "Quelle"), 10, null));
    }

    @Test
    void pollingSurvivesFailingGetUpdates() throws Exception {
        api.failNext("getUpdates", b -> true, Fault.serverError());
        api.failNext("getUpdates", b -> true, Fault.dropConnection());
        api.failNext("getUpdates", b -> true, Fault.tooManyRequests(1));
        int id = nextId();
        api.deliver(privateMessage(id, 1013, 10, "de", "Wie viele Einhörner?"));
        await("answer", WAIT, () -> api.messagesTo(1013).size() == 1);
        settle(id);
        assertThat(api.calls("getUpdates")).extracting(Call::status).contains(500, 0, 429);
    }

    @Test
    void aFailingUpdateIsSkippedAndTheNextAnswered() throws Exception {
        int boom = nextId();
        int next = nextId();
        api.deliver(privateMessage(boom, 1017, 71, "de", "boom"), privateMessage(next, 1017, 72, "de",
                "Wie viele Einhörner?"));
        await("answer", WAIT, () -> api.messagesTo(1017).size() == 1);
        settle(next);
        assertPayloads(api.messagesTo(1017), reply(1017, unicornsHtml(ScriptedEngine.UNICORNS_DE, "Quelle"), 72, null));
        assertThat(logs.list).anyMatch(e -> e.getFormattedMessage().equals("update " + boom
                + " failed and is skipped: IllegalStateException: scripted engine failure"));
    }

    @Test
    void aFloodFromOneChatIsCutOffPolitely() throws Exception {
        String[] flood = new String[100];
        int last = 0;
        for (int i = 0; i < flood.length; i++) {
            last = nextId();
            flood[i] = privateMessage(last, 1016, 100 + i, "de", "Wie viele Einhörner?");
        }
        api.deliver(flood);
        await("answers", WAIT, () -> api.messagesTo(1016).size() >= 21);
        settle(last);
        List<Call> sent = api.messagesTo(1016);
        assertThat(sent).hasSize(21);
        for (int i = 0; i < 20; i++) {
            assertThat(sent.get(i).body()).isEqualTo(json(reply(1016, unicornsHtml(ScriptedEngine.UNICORNS_DE, "Quelle"),
                    100 + i, null)));
        }
        assertThat(sent.get(20).body()).isEqualTo(json(reply(1016, "Das sind viele Fragen auf einmal. Bitte etwas"
                + " langsamer; in einer Minute antworte ich wieder.", 120, null)));
    }

    // ---- shutdown and secrets ----

    @Test
    void stopFinishesTheAnswerInFlightAndConfirmsTheUpdates() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ScriptedEngine slow = new ScriptedEngine() {
            @Override
            public io.reportbot.engine.Reply answer(io.reportbot.engine.Inbound inbound) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.answer(inbound);
            }
        };
        try (FakeBotApi api2 = new FakeBotApi(TOKEN)) {
            TelegramBot bot2 = TelegramBot.create(slow, settings(api2));
            bot2.start();
            api2.deliver(privateMessage(7, 1020, 70, "de", "Wie viele Einhörner?"));
            assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            Thread stopper = new Thread(bot2::stop);
            stopper.start();
            stopper.join(300);
            assertThat(stopper.isAlive()).as("stop waits for the answer in flight").isTrue();
            release.countDown();
            stopper.join(10_000);
            assertThat(stopper.isAlive()).isFalse();
            assertPayloads(api2.messagesTo(1020), reply(1020, unicornsHtml(ScriptedEngine.UNICORNS_DE, "Quelle"), 70,
                    null));
            Call confirm = api2.calls("getUpdates").get(api2.calls("getUpdates").size() - 1);
            assertThat(confirm.body().path("offset").asInt()).isEqualTo(8);
            assertThat(confirm.body().path("timeout").asInt()).isZero();
        }
    }

    @Test
    void webhookModeAnswersOnlyRequestsWithTheSecret() throws Exception {
        try (FakeBotApi api3 = new FakeBotApi(TOKEN)) {
            TelegramBot bot3 = TelegramBot.create(new ScriptedEngine(), settings(api3).withWebhook(
                    new TelegramSettings.WebhookSettings("127.0.0.1", 0, "/telegram", "s3cret-s3cret-s3cret",
                            java.util.Optional.empty())));
            bot3.start();
            try {
                java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
                java.net.URI endpoint = java.net.URI.create("http://127.0.0.1:" + bot3.webhookPort() + "/telegram");
                java.util.function.BiFunction<String, String, Integer> post = (secret, body) -> {
                    var request = java.net.http.HttpRequest.newBuilder(endpoint)
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
                    if (secret != null) {
                        request.header("X-Telegram-Bot-Api-Secret-Token", secret);
                    }
                    try {
                        return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                };
                String update = privateMessage(9001, 1030, 30, "de", "Wie viele Einhörner?");
                assertThat(post.apply(null, update)).isEqualTo(401);
                assertThat(post.apply("wrong-secret-wrong-secret", update)).isEqualTo(401);
                assertThat(post.apply("s3cret-s3cret-s3cret", "not json")).isEqualTo(400);
                assertThat(post.apply("s3cret-s3cret-s3cret", "{\"update_id\":9000,\"inline_query\":{\"id\":\"q\","
                        + "\"query\":\"x\",\"offset\":\"\"}}")).as("an update that cannot be read: skipped, not refused")
                        .isEqualTo(200);
                assertThat(post.apply("s3cret-s3cret-s3cret", update)).isEqualTo(200);
                assertThat(post.apply("s3cret-s3cret-s3cret", update)).as("Telegram retrying a delivery").isEqualTo(200);
                await("answer", WAIT, () -> api3.messagesTo(1030).size() == 1);
                await("answers finished", WAIT, () -> bot3.inFlight() == 0);
                assertPayloads(api3.messagesTo(1030), reply(1030, unicornsHtml(ScriptedEngine.UNICORNS_DE, "Quelle"), 30,
                        null));
                assertThat(api3.calls("getUpdates")).isEmpty();
                assertThat(api3.calls("deleteWebhook")).isEmpty();
            } finally {
                bot3.stop();
            }
        }
    }

    @AfterAll
    static void theTokenNeverAppearsInALog() {
        stopAll();
        String secret = TOKEN.substring(TOKEN.indexOf(':') + 1);
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).anyMatch(e -> e.getLevel() == Level.WARN); // the fault tests did log
        for (ILoggingEvent e : List.copyOf(logs.list)) {
            assertThat(e.getFormattedMessage()).doesNotContain(secret);
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
            }
        }
    }
}
