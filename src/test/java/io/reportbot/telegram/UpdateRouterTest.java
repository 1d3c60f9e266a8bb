package io.reportbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.core.Language;
import io.reportbot.telegram.Route.ChatRef;
import io.reportbot.telegram.UpdateRouter.BotIdentity;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class UpdateRouterTest {
    private final UpdateRouter router = new UpdateRouter(new BotIdentity(FakeBotApi.BOT_ID, FakeBotApi.BOT_USERNAME));
    private static final ChatRef PRIVATE = new ChatRef(42, null, true);
    private static final ChatRef GROUP = new ChatRef(-7, null, false);

    private Route route(String json) throws Exception {
        return router.route(new ObjectMapper().readValue(json, Update.class));
    }

    private Route privateText(String text) throws Exception {
        return route(FakeBotApi.privateMessage(1, 42, 9, "de-AT", text));
    }

    private Route groupMessage(String content) throws Exception {
        return route("{\"update_id\":1,\"message\":" + FakeBotApi.message(-7, "supergroup", 9, "en", content) + "}");
    }

    @Test
    void privateTextIsAQuestionWithTheUsersLanguage() throws Exception {
        assertThat(privateText("  Wie viele Einhörner? ")).isEqualTo(
                new Route.Question(PRIVATE, 9, "Wie viele Einhörner?", Optional.of(Language.DE)));
    }

    @Test
    void commandsAreParsedWithOrWithoutTheBotName() throws Exception {
        assertThat(privateText("/start")).isEqualTo(new Route.Command(PRIVATE, 9, "start", "", Optional.of(Language.DE)));
        assertThat(privateText("/LANG@Reportbot_Test_Bot en")).isEqualTo(
                new Route.Command(PRIVATE, 9, "lang", "en", Optional.of(Language.DE)));
        assertThat(privateText("/ask@other_bot hi")).isInstanceOf(Route.Ignore.class);
        assertThat(privateText("/weird")).isEqualTo(new Route.Command(PRIVATE, 9, "weird", "", Optional.of(Language.DE)));
    }

    @Test
    void groupsOnlyHearAskMentionsAndReplies() throws Exception {
        assertThat(groupMessage("\"text\":\"how many unicorns\"")).isInstanceOf(Route.Ignore.class);
        assertThat(groupMessage("\"text\":\"/weird\"")).isInstanceOf(Route.Ignore.class);
        assertThat(groupMessage("\"text\":\"/ask how many unicorns\"")).isEqualTo(
                new Route.Command(GROUP, 9, "ask", "how many unicorns", Optional.of(Language.EN)));
        assertThat(groupMessage("\"text\":\"hey @REPORTBOT_test_bot how many unicorns\"")).isEqualTo(
                new Route.Question(GROUP, 9, "hey how many unicorns", Optional.of(Language.EN)));
        assertThat(groupMessage("\"text\":\"and now?\",\"reply_to_message\":{\"message_id\":3,\"date\":1,\"chat\":"
                + "{\"id\":-7,\"type\":\"supergroup\"},\"from\":{\"id\":123456,\"is_bot\":true,\"first_name\":\"R\"}}"))
                .isEqualTo(new Route.Question(GROUP, 9, "and now?", Optional.of(Language.EN)));
        assertThat(groupMessage("\"text\":\"and now?\",\"reply_to_message\":{\"message_id\":3,\"date\":1,\"chat\":"
                + "{\"id\":-7,\"type\":\"supergroup\"},\"from\":{\"id\":999,\"is_bot\":false,\"first_name\":\"B\"}}"))
                .isInstanceOf(Route.Ignore.class);
    }

    @Test
    void nonTextGetsAHintInPrivateAndSilenceInGroups() throws Exception {
        String photo = "\"photo\":[{\"file_id\":\"p\",\"file_unique_id\":\"u\",\"width\":1,\"height\":1}]";
        assertThat(route("{\"update_id\":1,\"message\":" + FakeBotApi.message(42, "private", 9, null, photo) + "}"))
                .isEqualTo(new Route.NonText(PRIVATE, 9, Optional.empty()));
        assertThat(groupMessage(photo)).isInstanceOf(Route.Ignore.class);
        String location = "\"location\":{\"latitude\":52.5,\"longitude\":13.4}";
        assertThat(route("{\"update_id\":1,\"message\":" + FakeBotApi.message(42, "private", 9, null, location) + "}"))
                .isInstanceOf(Route.NonText.class);
    }

    @Test
    void beingAddedToAGroupIsAGreetingButOthersJoiningIsNot() throws Exception {
        assertThat(groupMessage("\"new_chat_members\":[{\"id\":123456,\"is_bot\":true,\"first_name\":\"R\"}]"))
                .isEqualTo(new Route.GroupGreeting(GROUP, Optional.of(Language.EN)));
        assertThat(groupMessage("\"new_chat_members\":[{\"id\":5,\"is_bot\":false,\"first_name\":\"Bo\"}]"))
                .isInstanceOf(Route.Ignore.class);
    }

    @Test
    void editsChannelPostsAndOtherBotsAreIgnored() throws Exception {
        assertThat(route("{\"update_id\":1,\"edited_message\":" + FakeBotApi.message(42, "private", 9, "de",
                "\"text\":\"x\",\"edit_date\":2") + "}")).isEqualTo(new Route.Ignore("edited message"));
        assertThat(route("{\"update_id\":1,\"channel_post\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":-100,"
                + "\"type\":\"channel\"},\"text\":\"x\"}}")).isEqualTo(new Route.Ignore("channel post"));
        assertThat(route("{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":-7,\"type\":"
                + "\"group\"},\"from\":{\"id\":5,\"is_bot\":true,\"first_name\":\"B\"},\"text\":\"@reportbot_test_bot"
                + " hi\"}}")).isEqualTo(new Route.Ignore("message from a bot"));
        assertThat(route("{\"update_id\":1,\"poll\":{\"id\":\"p\",\"question\":\"q\",\"options\":[],"
                + "\"total_voter_count\":0,\"is_closed\":false,\"is_anonymous\":true,\"type\":\"regular\","
                + "\"allows_multiple_answers\":false}}")).isInstanceOf(Route.Ignore.class);
    }

    @Test
    void anonymousGroupAdminsAreNotTakenForBots() throws Exception {
        assertThat(route("{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":-7,\"type\":"
                + "\"supergroup\"},\"sender_chat\":{\"id\":-7,\"type\":\"supergroup\"},\"from\":{\"id\":1087968824,"
                + "\"is_bot\":true,\"first_name\":\"Group\",\"username\":\"GroupAnonymousBot\"},\"text\":\"/ask wie viele\"}}"))
                .isEqualTo(new Route.Command(GROUP, 1, "ask", "wie viele", Optional.empty()));
    }

    @Test
    void callbacksAreTopicTapsOnlyWhenTheDataIsOurs() throws Exception {
        String msg = "{\"message_id\":55,\"date\":1,\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"x\"}";
        assertThat(route("{\"update_id\":1,\"callback_query\":{\"id\":\"c\",\"from\":{\"id\":42,\"is_bot\":false,"
                + "\"first_name\":\"A\",\"language_code\":\"en\"},\"chat_instance\":\"i\",\"data\":\"t:de:unicorns\","
                + "\"message\":" + msg + "}}")).isEqualTo(new Route.TopicTap("c", PRIVATE, 55,
                new io.reportbot.adapter.ButtonCodec.TopicButton(Language.DE, "unicorns"), Optional.of(Language.EN)));
        assertThat(route("{\"update_id\":1,\"callback_query\":{\"id\":\"c\",\"from\":{\"id\":42,\"is_bot\":false,"
                + "\"first_name\":\"A\"},\"chat_instance\":\"i\",\"data\":\"evil:payload\",\"message\":" + msg + "}}"))
                .isEqualTo(new Route.ForeignCallback("c"));
    }

    @Test
    void inlineQueriesAreRateLimitedPerUser() throws Exception {
        Route r = route("{\"update_id\":1,\"inline_query\":{\"id\":\"q\",\"from\":{\"id\":8,\"is_bot\":false,"
                + "\"first_name\":\"A\",\"language_code\":\"en\"},\"query\":\" wie viele \",\"offset\":\"\"}}");
        assertThat(r).isEqualTo(new Route.InlineQuestion("q", 8, "wie viele", Optional.of(Language.EN)));
        assertThat(r.rateKey()).contains("inline:8");
    }
}
