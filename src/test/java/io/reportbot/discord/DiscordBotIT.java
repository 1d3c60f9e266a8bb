package io.reportbot.discord;

import io.reportbot.adapter.ScriptedEngine;
import io.reportbot.ops.logging.ProductionLog;
import io.reportbot.core.Language;
import static io.reportbot.discord.FakeDiscord.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/**
 * End to end: the real JDA against {@link FakeDiscord} on 127.0.0.1, answering with {@link ScriptedEngine}.
 * Nothing leaves the machine; the token is fake.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiscordBotIT {
    /** Shaped like a real bot token (three base64url parts) but fake. */
    static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.FAKE1.fake-token-for-tests-only_0123456789";
    static final Duration WAIT = Duration.ofSeconds(10);

    private FakeDiscord discord;
    private DiscordBot bot;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    void start() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        discord = new FakeDiscord();
        java.nio.file.Path config = java.nio.file.Files.createTempFile("reportbot-discord", ".properties");
        java.nio.file.Files.writeString(config, "discord.deferAfterMillis=400\ndiscord.rateLimit.user.questions=100\n"
                + "discord.shutdownTimeoutSeconds=5\n");
        DiscordSettings cfg = DiscordSettings.load(Map.of("DISCORD_BOT_TOKEN", TOKEN, "DISCORD_API_URL", discord.apiUrl(),
                "DISCORD_GATEWAY_URL", discord.gatewayUrl()), Optional.of(config));
        bot = DiscordBot.start(cfg, new ScriptedEngine());
        assertThat(bot.awaitConnected(WAIT)).as("JDA connected to the fake gateway").isTrue();
        // the deferral counts from the interaction's creation: warm up JDA's interaction path (class loading) so
        // that the first question is not taken for a late one
        callbackRequest(discord.slashCommand("help", "en-US", null, null));
    }

    @AfterAll
    void stop() throws Exception {
        if (bot != null) {
            bot.stop();
        }
        if (discord != null) {
            discord.close();
        }
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    @Test
    @Order(1)
    void registersTheCommandsOnceWithGermanLocalisations() {
        FakeDiscord.Request put = discord.awaitRequest("command registration", 0,
                r -> r.method().equals("PUT") && r.path().equals("/api/v10/applications/" + APP_ID + "/commands"));
        assertThat(put.authorization()).isEqualTo("Bot " + TOKEN);
        JsonNode identify = discord.gatewayFrames().stream().filter(f -> f.path("op").asInt() == 2).findFirst().orElseThrow();
        long intents = identify.path("d").path("intents").asLong();
        assertThat(intents & 1).as("GUILDS, which JDA always sends").isEqualTo(1);
        assertThat(intents & (1 << 15)).as("no Message Content intent by default").isZero();
        assertThat(intents & (1 << 9)).as("no guild message events by default").isZero();
        JsonNode commands = put.json();
        assertThat(commands).hasSize(4);
        assertThat(names(commands, "name")).containsExactly("ask", "topics", "report", "help");
        List<String> german = new ArrayList<>();
        commands.forEach(c -> german.add(c.path("name_localizations").path("de").asText()));
        assertThat(german).containsExactly("frage", "themen", "bericht", "hilfe");
        commands.forEach(c -> assertThat(c.path("description_localizations").path("de").asText()).isNotBlank());
        JsonNode question = commands.get(0).path("options").get(0);
        assertThat(question.path("name").asText()).isEqualTo("question");
        assertThat(question.path("name_localizations").path("de").asText()).isEqualTo("frage");
        assertThat(question.path("autocomplete").asBoolean()).isTrue();
        assertThat(question.path("required").asBoolean()).isTrue();
    }

    @Test
    @Order(2)
    void answersAGermanQuestionWithAnEmbedAndTheSource() {
        JsonNode data = callback(discord.slashCommand("ask", "de", "question", "Wie viele Einhörner gibt es in Peking?"));
        JsonNode embed = data.path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("Wie viele Einhörner gibt es in Peking?");
        assertThat(embed.path("description").asText()).isEqualTo(ScriptedEngine.UNICORNS_DE);
        assertThat(embed.path("fields").get(0).path("name").asText()).isEqualTo("Quelle");
        assertThat(embed.path("fields").get(0).path("value").asText()).isEqualTo("> " + ScriptedEngine.SOURCE);
        assertThat(embed.path("footer").path("text").asText()).isEqualTo(ScriptedEngine.REPORT_DE);
        assertThat(data.path("flags").asInt(0) & 64).as("public, not ephemeral").isZero();
    }

    @Test
    @Order(3)
    void answersAnEnglishQuestionInEnglish() {
        JsonNode embed = callback(discord.slashCommand("ask", "en-US", "question", "How many unicorns are there in Beijing?"))
                .path("embeds").get(0);
        assertThat(embed.path("description").asText()).isEqualTo(ScriptedEngine.UNICORNS_EN);
        assertThat(embed.path("fields").get(0).path("name").asText()).isEqualTo("Source");
        assertThat(embed.path("footer").path("text").asText()).isEqualTo(ScriptedEngine.REPORT_EN);
    }

    @Test
    @Order(4)
    void takesTheLanguageFromTheQuestionAndFallsBackToTheUserLocale() {
        JsonNode germanText = callback(discord.slashCommand("ask", "en-US", "question", "Wie viele Einhörner gibt es?"))
                .path("embeds").get(0);
        assertThat(germanText.path("description").asText()).isEqualTo(ScriptedEngine.UNICORNS_DE);
        JsonNode noCue = callback(discord.slashCommand("ask", "en-GB", "question", "Unicorns 2024?")).path("embeds").get(0);
        assertThat(noCue.path("description").asText()).isEqualTo(ScriptedEngine.UNICORNS_EN);
        // the client locale of the interaction reaches the engine as the hint (the fake engine sees no cue here)
        JsonNode german = callback(discord.slashCommand("ask", "de", "question", "Unicorns 2024?")).path("embeds").get(0);
        assertThat(german.path("description").asText()).isEqualTo(ScriptedEngine.UNICORNS_DE);
        assertThat(german.path("fields").get(0).path("name").asText()).isEqualTo("Quelle");
    }

    @Test
    @Order(5)
    void autocompleteSuggestsMatchingQuestionsAndTopicsInTheUserLocale() {
        FakeDiscord.Request r = callbackRequest(discord.autocomplete("ask", "de", "question", "einh"));
        assertThat(r.json().path("type").asInt()).isEqualTo(8);
        assertThat(names(r.json().path("data").path("choices"), "name"))
                .containsExactly("Einhörner", "Wie viele Einhörner gibt es in Peking?");
        FakeDiscord.Request en = callbackRequest(discord.autocomplete("ask", "en-US", "question", "fund"));
        assertThat(names(en.json().path("data").path("choices"), "value"))
                .containsExactly("Funding", "How much funding was there in 2024?");
    }

    @Test
    @Order(6)
    void aFallbackOffersItsSuggestionsAsButtons() {
        JsonNode data = callback(discord.slashCommand("ask", "de", "question", "Wie wird das Wetter morgen?"));
        assertThat(data.path("embeds").get(0).path("description").asText()).isEqualTo(ScriptedEngine.fallbackText(Language.DE, "Wie wird das Wetter morgen?"));
        JsonNode buttons = data.path("components").get(0).path("components");
        assertThat(names(buttons, "custom_id")).containsExactly("rb:t:de:unicorns", "rb:t:de:funding", "rb:t:de:universities");
        assertThat(names(buttons, "label")).containsExactly("Einhörner", "Investitionen", "Universitäten");
    }

    @Test
    @Order(7)
    void aButtonClickAnswersThatTopicAndForeignIdsAreRejected() {
        JsonNode data = callback(discord.buttonClick("rb:t:en:funding", "de"));
        JsonNode embed = data.path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("Funding");
        assertThat(embed.path("description").asText()).isEqualTo(ScriptedEngine.FUNDING_EN);

        JsonNode forged = callback(discord.buttonClick("rb:t:de:../../admin", "de"));
        assertThat(forged.path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        assertThat(forged.path("content").asText()).contains("Button");
        JsonNode unknownTopic = callback(discord.buttonClick("rb:t:de:secrets", "en-US"));
        assertThat(unknownTopic.path("content").asText()).contains("button");
    }

    @Test
    @Order(8)
    void anOverLongAnswerIsSplitCleanlyWithinDiscordsLimits() {
        ObjectNode ask = discord.slashCommand("ask", "de", "question", "Bitte eine lange Antwort");
        int from = discord.requests().size();
        JsonNode first = callback(ask);
        String token = ask.path("token").asText();
        FakeDiscord.Request followUp = discord.awaitRequest("follow-up", from,
                r -> r.method().equals("POST") && r.path().equals("/api/v10/webhooks/" + APP_ID + "/" + token));
        JsonNode a = first.path("embeds").get(0);
        JsonNode b = followUp.json().path("embeds").get(0);
        for (JsonNode embed : List.of(a, b)) {
            assertThat(embed.path("description").asText().length()).isLessThanOrEqualTo(4096);
            assertThat(embedLength(embed)).isLessThanOrEqualTo(6000);
            assertThat(embed.path("description").asText()).endsWith(".");
        }
        assertThat(a.path("fields").isMissingNode() || a.path("fields").isEmpty()).as("source on the last part").isTrue();
        assertThat(b.path("fields").get(0).path("value").asText()).isEqualTo("> " + ScriptedEngine.SOURCE);
        assertThat(a.path("description").asText() + "\n\n" + b.path("description").asText())
                .isEqualTo(ScriptedEngine.longAnswer());
    }

    @Test
    @Order(9)
    void aSlowAnswerIsDeferredAndThenEdited() {
        ObjectNode ask = discord.slashCommand("ask", "de", "question", "Langsam: wie viele Einhörner?");
        int from = discord.requests().size();
        FakeDiscord.Request defer = callbackRequest(ask);
        assertThat(defer.json().path("type").asInt()).as("deferred channel message").isEqualTo(5);
        FakeDiscord.Request edit = discord.awaitRequest("edit of the deferred reply", from, r -> r.method().equals("PATCH")
                && r.path().equals("/api/v10/webhooks/" + APP_ID + "/" + ask.path("token").asText() + "/messages/@original"));
        assertThat(edit.json().path("embeds").get(0).path("description").asText()).isEqualTo(ScriptedEngine.UNICORNS_DE);
    }

    @Test
    @Order(10)
    void aFailingHandlerGetsAnEphemeralApologyAndTheBotKeepsRunning() {
        JsonNode data = callback(discord.slashCommand("ask", "en-US", "question", "boom"));
        assertThat(data.path("flags").asInt() & 64).isEqualTo(64);
        assertThat(data.path("content").asText()).startsWith("Sorry, something went wrong");
        assertThat(callback(discord.slashCommand("ask", "en-US", "question", "How many unicorns?"))
                .path("embeds").get(0).path("description").asText()).isEqualTo(ScriptedEngine.UNICORNS_EN);
    }

    @Test
    @Order(14)
    void aFailureAfterDeferringReplacesThePublicPlaceholderWithAnEphemeralApology() {
        ObjectNode ask = discord.slashCommand("ask", "de", "question", "slowboom");
        int from = discord.requests().size();
        assertThat(callbackRequest(ask).json().path("type").asInt()).isEqualTo(5);
        String webhook = "/api/v10/webhooks/" + APP_ID + "/" + ask.path("token").asText();
        discord.awaitRequest("deleting the placeholder", from,
                r -> r.method().equals("DELETE") && r.path().equals(webhook + "/messages/@original"));
        FakeDiscord.Request apology = discord.awaitRequest("the apology", from,
                r -> r.method().equals("POST") && r.path().equals(webhook));
        assertThat(apology.json().path("flags").asInt() & 64).isEqualTo(64);
        assertThat(apology.json().path("content").asText()).startsWith("Entschuldigung");
    }

    @Test
    @Order(15)
    void anEditOfADeferredReplyThatGetsA500IsRetried() {
        discord.failNextEdits(FakeDiscord.CallbackFault.SERVER_ERROR);
        List<FakeDiscord.Request> edits = deferredAndEdited("Langsam: Einhörner nach einem 500?", 2);
        assertThat(discord.faultServed(edits.get(0))).isEqualTo(FakeDiscord.CallbackFault.SERVER_ERROR);
        assertThat(discord.servedNormally(edits.get(1))).isTrue();
        assertThat(edits.get(1).json().path("embeds").get(0).path("description").asText()).isEqualTo(ScriptedEngine.UNICORNS_DE);
    }

    @Test
    @Order(16)
    void anEditOfADeferredReplyWhoseConnectionDropsIsRetried() {
        discord.failNextEdits(FakeDiscord.CallbackFault.DROPPED_CONNECTION);
        List<FakeDiscord.Request> edits = deferredAndEdited("Langsam: Einhörner nach einem Abbruch?", 2);
        assertThat(discord.faultServed(edits.get(0))).isEqualTo(FakeDiscord.CallbackFault.DROPPED_CONNECTION);
        assertThat(discord.servedNormally(edits.get(edits.size() - 1))).isTrue();
        assertThat(edits.get(edits.size() - 1).json().path("embeds").get(0).path("description").asText())
                .isEqualTo(ScriptedEngine.UNICORNS_DE);
    }

    @Test
    @Order(17)
    void anEditThatFailsTwiceEndsInTheEphemeralApologyInsteadOfThinkingForever() {
        discord.failNextEdits(FakeDiscord.CallbackFault.SERVER_ERROR, FakeDiscord.CallbackFault.SERVER_ERROR);
        ObjectNode ask = discord.slashCommand("ask", "en-US", "question", "slow: unicorns after two 500s?");
        int from = discord.requests().size();
        assertThat(callbackRequest(ask).json().path("type").asInt()).isEqualTo(5);
        String webhook = "/api/v10/webhooks/" + APP_ID + "/" + ask.path("token").asText();
        discord.awaitRequest("deleting the placeholder", from,
                r -> r.method().equals("DELETE") && r.path().equals(webhook + "/messages/@original"));
        FakeDiscord.Request apology = discord.awaitRequest("the apology", from,
                r -> r.method().equals("POST") && r.path().equals(webhook));
        assertThat(apology.json().path("flags").asInt() & 64).isEqualTo(64);
        assertThat(apology.json().path("content").asText()).startsWith("Sorry, something went wrong");
        assertThat(discord.requests("PATCH", webhook + "/messages/@original")).as("the edit and one retry").hasSize(2);
    }

    @Test
    @Order(18)
    void aCallbackThatGetsA500IsRetriedOnceWithinTheWindow() {
        discord.failNextCallbacks(FakeDiscord.CallbackFault.SERVER_ERROR);
        ObjectNode ask = discord.slashCommand("ask", "en-US", "question", "How many unicorns after a 500?");
        String path = "/api/v10/interactions/" + ask.path("id").asText() + "/" + ask.path("token").asText() + "/callback";
        discord.dispatchInteraction(ask);
        FakeDiscord.await("the retried callback", WAIT, () -> discord.requests("POST", path).size() == 2);
        List<FakeDiscord.Request> attempts = discord.requests("POST", path);
        assertThat(discord.faultServed(attempts.get(0))).isEqualTo(FakeDiscord.CallbackFault.SERVER_ERROR);
        assertThat(discord.servedNormally(attempts.get(1))).isTrue();
        assertThat(attempts.get(1).json().path("data").path("embeds").get(0).path("description").asText())
                .isEqualTo(ScriptedEngine.UNICORNS_EN);
        long created = (ask.path("id").asLong() >>> 22) + FakeDiscord.DISCORD_EPOCH;
        assertThat(System.currentTimeMillis() - created).as("well within Discord's 3 s").isLessThan(3000);
    }

    @Test
    @Order(19)
    void aCallbackWhoseConnectionDropsIsSentAgain() {
        discord.failNextCallbacks(FakeDiscord.CallbackFault.DROPPED_CONNECTION);
        ObjectNode ask = discord.slashCommand("ask", "en-US", "question", "How many unicorns after a dropped connection?");
        String path = "/api/v10/interactions/" + ask.path("id").asText() + "/" + ask.path("token").asText() + "/callback";
        discord.dispatchInteraction(ask);
        FakeDiscord.await("an answer served normally", WAIT,
                () -> discord.requests("POST", path).stream().anyMatch(discord::servedNormally));
        assertThat(discord.requests("POST", path)).hasSize(2);
    }

    @Test
    @Order(11)
    void topicsReportAndHelpAnswer() {
        JsonNode topics = callback(discord.slashCommand("topics", "de", null, null));
        assertThat(names(topics.path("components").get(0).path("components"), "custom_id")).hasSize(3);
        JsonNode report = callback(discord.slashCommand("report", "en-US", null, null)).path("embeds").get(0);
        assertThat(report.path("title").asText()).isEqualTo(ScriptedEngine.REPORT_EN);
        assertThat(report.path("fields").get(0).path("value").asText()).contains("• 28 AI unicorns");
        JsonNode help = callback(discord.slashCommand("help", "de", null, null)).path("embeds").get(0);
        assertThat(help.path("title").asText()).isEqualTo("So fragen Sie mich");
    }

    @Test
    @Order(12)
    void aRateLimitedReplyIsRetriedByJda() {
        discord.rateLimitNextCallbacks(2); // JDA logs the first 429 of a route at DEBUG, the next ones at WARN
        ObjectNode ask = discord.slashCommand("ask", "en-US", "question", "How many unicorns are there?");
        JsonNode data = callback(ask);
        assertThat(data.path("embeds").get(0).path("description").asText()).isEqualTo(ScriptedEngine.UNICORNS_EN);
        String path = "/api/v10/interactions/" + ask.path("id").asText() + "/" + ask.path("token").asText() + "/callback";
        FakeDiscord.await("the retries", WAIT, () -> discord.requests("POST", path).size() == 3);
    }

    @Test
    @Order(13)
    void heartbeatsAreAcknowledgedAndTheSessionStays() {
        FakeDiscord.await("two heartbeats", WAIT, () -> discord.heartbeats() >= 2);
        assertThat(discord.identifies()).isEqualTo(1);
        assertThat(discord.connected()).isTrue();
    }

    @Test
    @Order(20)
    void resumesAfterAGatewayDisconnectWithoutRegisteringTwiceOrDoublingListeners() throws Exception {
        assertThat(discord.identifies()).isEqualTo(1);
        discord.dropConnection();
        FakeDiscord.await("a resume", Duration.ofSeconds(20), () -> discord.resumes() == 1 && discord.connected());
        assertThat(bot.awaitConnected(WAIT)).isTrue();

        ObjectNode ask = discord.slashCommand("ask", "de", "question", "Wie viele Einhörner gibt es in Peking?");
        callback(ask);
        Thread.sleep(300); // a doubled listener would answer again within this time
        String path = "/api/v10/interactions/" + ask.path("id").asText() + "/" + ask.path("token").asText() + "/callback";
        assertThat(discord.requests("POST", path)).hasSize(1);
        assertThat(discord.requests("PUT", "/api/v10/applications/\\d+/commands")).hasSize(1);
        assertThat(discord.identifies()).isEqualTo(1);
    }

    @Test
    @Order(30)
    void noTokenAppearsInTheLogsNeitherTheBotsNorAnInteractions() {
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent e : new ArrayList<>(logs.list)) {
            assertThat(e.getFormattedMessage()).doesNotContain(TOKEN).doesNotContain("fake-token-for-tests-only");
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
            }
        }
        // JDA puts the interaction token into its WARN on a 429 (aRateLimitedReplyIsRetriedByJda); the production
        // log configuration must mask it in what it writes
        assertThat(logs.list).as("JDA's 429 warning with the interaction token, before redaction")
                .anyMatch(e -> e.getFormattedMessage().contains("interaction_token=itoken-"));
        ProductionLog production = ProductionLog.load();
        for (ILoggingEvent e : new ArrayList<>(logs.list)) {
            assertThat(production.render(e)).doesNotContain("itoken-").doesNotContain(TOKEN);
        }
    }

    @Test
    @Order(40)
    void shutdownFinishesRepliesInFlight() throws Exception {
        ObjectNode ask = discord.slashCommand("ask", "de", "question", "Langsam bitte: Einhörner?");
        int from = discord.requests().size();
        discord.dispatchInteraction(ask);
        discord.awaitRequest("the deferral", from, r -> r.path().contains("/interactions/" + ask.path("id").asText() + "/"));
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(bot::stop);
        stopping.get(20, TimeUnit.SECONDS);
        assertThat(discord.requests("PATCH", "/api/v10/webhooks/" + APP_ID + "/" + ask.path("token").asText()
                + "/messages/@original")).as("the answer was delivered before the bot stopped").hasSize(1);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** Asks a slow question, checks that it is deferred, and returns the edits of the deferred reply (at least n). */
    private List<FakeDiscord.Request> deferredAndEdited(String question, int n) {
        ObjectNode ask = discord.slashCommand("ask", "de", "question", question);
        assertThat(callbackRequest(ask).json().path("type").asInt()).as("deferred").isEqualTo(5);
        String edit = "/api/v10/webhooks/" + APP_ID + "/" + ask.path("token").asText() + "/messages/@original";
        FakeDiscord.await(n + " edits", WAIT, () -> discord.requests("PATCH", edit).size() >= n
                && discord.servedNormally(discord.requests("PATCH", edit).get(discord.requests("PATCH", edit).size() - 1)));
        assertThat(discord.requests("DELETE", edit)).as("no apology").isEmpty();
        return discord.requests("PATCH", edit);
    }

    /** Dispatches an interaction and returns the callback request the bot made for it. */
    private FakeDiscord.Request callbackRequest(ObjectNode interaction) {
        int from = discord.requests().size();
        discord.dispatchInteraction(interaction);
        String path = "/api/v10/interactions/" + interaction.path("id").asText() + "/" + interaction.path("token").asText()
                + "/callback";
        return discord.awaitRequest("callback for " + interaction.path("data"), from,
                r -> r.method().equals("POST") && r.path().equals(path));
    }

    /** Dispatches an interaction and returns the data of the bot's immediate reply (callback type 4). */
    private JsonNode callback(ObjectNode interaction) {
        JsonNode body = callbackRequest(interaction).json();
        assertThat(body.path("type").asInt()).as("callback type of " + body).isEqualTo(4);
        return body.path("data");
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    private static int embedLength(JsonNode embed) {
        int n = embed.path("title").asText("").length() + embed.path("description").asText("").length()
                + embed.path("footer").path("text").asText("").length();
        for (JsonNode f : embed.path("fields")) {
            n += f.path("name").asText("").length() + f.path("value").asText("").length();
        }
        return n;
    }
}
