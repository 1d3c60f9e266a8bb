package io.reportbot.cli;

import static io.reportbot.telegram.FakeBotApi.await;
import static io.reportbot.telegram.FakeBotApi.privateMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reportbot.discord.FakeDiscord;
import io.reportbot.telegram.FakeBotApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code reportbot serve} process with two reports (the bundled white paper and the AI Index summary) and both
 * platforms, against {@link FakeDiscord} and {@link FakeBotApi} on 127.0.0.1: on Discord, /ask's {@code report:}
 * option picks the report and autocompletes both; a channel configured in {@code reportbot.reportByChat} answers
 * from its report while another channel gets the default; a question that clearly belongs to one report is
 * answered by it, naming it, and the follow-up stays with it. On Telegram in the same process, a configured chat
 * and one that is not. Each conversation is its own channel (or chat), so the tests do not depend on their order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeMultiReportBothIT {
    private static final String TELEGRAM_TOKEN = "123456:TEST-fake-token-not-real";
    private static final String DISCORD_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.FAKE1.fake-token-for-tests-only_0123456789";
    private static final Pattern PORT = Pattern.compile("health and metrics on http://127\\.0\\.0\\.1:(\\d+)/healthz");

    private static final String WHITE_PAPER = "beijing-ai-whitepaper-2024";
    private static final String AI_INDEX = "ai-index-2024";
    private static final String WHITE_PAPER_TITLE = "White Paper on Beijing's AI Industry 2024";
    private static final String AI_INDEX_TITLE = "Stanford AI Index 2024 (summary)";
    /** Both reports take this one for their own (white paper: financing; AI Index: US private investment). */
    private static final String INVESTED = "How much was invested in AI?";

    private static final long GUILD = 1_000L << 22 | 7;
    /** The channel {@code reportbot.reportByChat} gives the AI Index. */
    private static final long CONFIGURED = GUILD + 1;
    private static final long TELEGRAM_CONFIGURED = 801;

    private FakeBotApi telegram;
    private FakeDiscord discord;
    private ReportbotProcess run;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        telegram = new FakeBotApi(TELEGRAM_TOKEN);
        discord = new FakeDiscord();
        Path config = dir.resolve("reportbot.properties");
        Files.writeString(config, "telegram.pollTimeoutSeconds=2\ntelegram.shutdownGraceSeconds=5\n"
                + "discord.shutdownTimeoutSeconds=5\ndiscord.rateLimit.questions=1000\n"
                + "reportbot.moreReports=" + Path.of("src/test/resources/reports/ai-index-2024").toAbsolutePath() + "\n"
                + "reportbot.reportByChat=discord:" + CONFIGURED + "=" + AI_INDEX
                + ",telegram:" + TELEGRAM_CONFIGURED + "=" + AI_INDEX + "\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN);
        env.put("TELEGRAM_API_URL", telegram.url().toString());
        env.put("DISCORD_BOT_TOKEN", DISCORD_TOKEN);
        env.put("DISCORD_API_URL", discord.apiUrl());
        env.put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
        // the intent-model cache of the build, so that the process does not train the models again
        Optional.ofNullable(System.getenv("REPORTBOT_CACHE_DIR")).ifPresent(c -> env.put("REPORTBOT_CACHE_DIR", c));
        run = ReportbotProcess.start(List.of("serve", "--config", config.toString(), "--metrics-port", "0"), env);
        await("start-up", Duration.ofSeconds(90), () -> run.stderr().stream().anyMatch(l -> PORT.matcher(l).find()));
        assertThat(run.stderr()).anyMatch(l -> l.contains("serving 2 reports"));
        Matcher m = run.stderr().stream().map(PORT::matcher).filter(Matcher::find).findFirst().orElseThrow();
        int port = Integer.parseInt(m.group(1));
        await("both platforms connected", Duration.ofSeconds(30), () -> healthz(port)
                .contains("\"telegram\":true,\"discord\":true"));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (run != null) {
                run.sigterm();
                assertThat(run.process().waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
                assertThat(run.process().exitValue()).isZero();
                assertThat(run.stderr()).noneMatch(l -> l.contains(TELEGRAM_TOKEN.substring(7))
                        || l.contains(DISCORD_TOKEN) || l.contains("itoken-"));
            }
        } finally {
            if (run != null) {
                run.process().destroyForcibly();
            }
            if (discord != null) {
                discord.close();
            }
            if (telegram != null) {
                telegram.close();
            }
        }
    }

    @Test
    void theReportOptionPicksTheReportAndTheChannelKeepsIt() {
        JsonNode fromIndex = answer(ask(GUILD + 2, INVESTED, AI_INDEX));
        assertThat(description(fromIndex)).contains("67.2 billion US dollars").doesNotContain("yuan");
        assertThat(footer(fromIndex)).isEqualTo(AI_INDEX_TITLE);
        JsonNode fromPaper = answer(ask(GUILD + 3, INVESTED, WHITE_PAPER));
        assertThat(description(fromPaper)).contains("32 billion yuan").doesNotContain("US dollars");
        assertThat(footer(fromPaper)).isEqualTo(WHITE_PAPER_TITLE);

        // no option now: the channel's pick answers (the white paper would give euros)
        JsonNode euros = answer(ask(GUILD + 2, "and in euros?", null));
        assertThat(description(euros)).contains("US dollars only");
        assertThat(footer(euros)).isEqualTo(AI_INDEX_TITLE);
    }

    @Test
    void theReportOptionIsRegisteredAndAutocompletesBothReports() {
        JsonNode registered = discord.requests("PUT", "/api/v10/applications/\\d+/commands").get(0).json();
        JsonNode ask = StreamSupport.stream(registered.spliterator(), false)
                .filter(c -> c.path("name").asText().equals("ask")).findFirst().orElseThrow();
        assertThat(ask.path("options").findValuesAsText("name")).containsExactly("question", "report");
        assertThat(ask.path("options").get(1).path("autocomplete").asBoolean()).isTrue();

        JsonNode all = callback(discord.autocomplete("ask", "en-US", "report", ""), 8);
        assertThat(all.path("choices").findValuesAsText("value")).containsExactly(WHITE_PAPER, AI_INDEX);
        assertThat(all.path("choices").findValuesAsText("name")).containsExactly(WHITE_PAPER_TITLE, AI_INDEX_TITLE);
        JsonNode typed = callback(discord.autocomplete("ask", "en-US", "report", "stanford"), 8);
        assertThat(typed.path("choices").findValuesAsText("value")).containsExactly(AI_INDEX);
    }

    @Test
    void aConfiguredChannelAnswersFromItsReportAndAnotherChannelFromTheDefault() {
        JsonNode configured = answer(ask(CONFIGURED, INVESTED, null));
        assertThat(description(configured)).contains("67.2 billion US dollars").doesNotContain("From “");
        assertThat(footer(configured)).isEqualTo(AI_INDEX_TITLE);

        // both reports take the question for theirs, so the default (the first, the white paper) answers
        JsonNode other = answer(ask(GUILD + 4, INVESTED, null));
        assertThat(description(other)).contains("32 billion yuan").doesNotContain("From “");
        assertThat(footer(other)).isEqualTo(WHITE_PAPER_TITLE);
    }

    @Test
    void aQuestionOfOneReportIsAnsweredByItNamingItAndTheFollowUpStaysWithIt() {
        JsonNode gpt4 = answer(ask(GUILD + 5, "What did training GPT-4 cost?", null));
        assertThat(description(gpt4)).startsWith("From “" + AI_INDEX_TITLE + "”:").contains("78 million US dollars");
        assertThat(footer(gpt4)).isEqualTo(AI_INDEX_TITLE);
        JsonNode euros = answer(ask(GUILD + 5, "and in euros?", null));
        assertThat(description(euros)).contains("US dollars only");
        assertThat(footer(euros)).isEqualTo(AI_INDEX_TITLE);

        JsonNode unicorns = answer(ask(GUILD + 6, "How many unicorns are there in Beijing?", null));
        assertThat(description(unicorns)).startsWith("From “" + WHITE_PAPER_TITLE + "”:").contains("36 unicorn");
        assertThat(footer(unicorns)).isEqualTo(WHITE_PAPER_TITLE);
        JsonNode source = answer(ask(GUILD + 6, "Where does that come from?", null));
        assertThat(source.toString()).contains("36 Einhorn-Unternehmen");
        assertThat(footer(source)).isEqualTo(WHITE_PAPER_TITLE);
    }

    @Test
    void telegramChatsInTheSameProcessGetTheirConfiguredOrTheDefaultReport() {
        telegram.deliver(privateMessage(1, TELEGRAM_CONFIGURED, 1, "en", INVESTED),
                privateMessage(2, 802, 1, "en", INVESTED));
        await("both Telegram answers", Duration.ofSeconds(40),
                () -> telegram.messagesTo(TELEGRAM_CONFIGURED).size() == 1 && telegram.messagesTo(802).size() == 1);
        assertThat(telegram.messagesTo(TELEGRAM_CONFIGURED).get(0).text()).contains("67.2 billion US dollars");
        assertThat(telegram.messagesTo(802).get(0).text()).contains("32 billion yuan");
    }

    // ---- Discord helpers ----------------------------------------------------------------------------

    /** A /ask in this channel of {@link #GUILD}, with the {@code report:} option when {@code report} is not null. */
    private ObjectNode ask(long channel, String question, String report) {
        ObjectNode ask = discord.guildAsk(GUILD, channel, "en-US", question);
        if (report != null) {
            ((ArrayNode) ask.path("data").path("options")).addObject().put("name", "report").put("type", 3)
                    .put("value", report);
        }
        return ask;
    }

    /** Dispatches the /ask and returns the first message of its answer: the callback's, or the deferred reply's edit. */
    private JsonNode answer(ObjectNode ask) {
        discord.dispatchInteraction(ask);
        String question = ask.path("data").path("options").path(0).path("value").asText();
        await("the answer to '" + question + "'", Duration.ofSeconds(40), () -> answered(ask).isPresent());
        return answered(ask).orElseThrow();
    }

    private Optional<JsonNode> answered(ObjectNode ask) {
        String id = ask.path("id").asText();
        String token = ask.path("token").asText();
        Optional<JsonNode> data = discord.requests("POST", "/api/v10/interactions/" + id + "/" + token + "/callback")
                .stream().filter(discord::servedNormally).map(FakeDiscord.Request::json)
                .filter(j -> j.path("type").asInt() == 4).map(j -> j.path("data")).findFirst();
        return data.isPresent() ? data : discord.requests("PATCH", "/api/v10/webhooks/\\d+/" + token + "/messages/@original")
                .stream().map(FakeDiscord.Request::json).findFirst();
    }

    /** Dispatches an interaction and returns the data of its callback, which must be of this type. */
    private JsonNode callback(ObjectNode interaction, int type) {
        int from = discord.requests().size();
        discord.dispatchInteraction(interaction);
        String path = "/api/v10/interactions/" + interaction.path("id").asText() + "/"
                + interaction.path("token").asText() + "/callback";
        JsonNode body = discord.awaitRequest("callback", from, r -> r.method().equals("POST") && r.path().equals(path)).json();
        assertThat(body.path("type").asInt()).isEqualTo(type);
        return body.path("data");
    }

    private static String description(JsonNode message) {
        return message.path("embeds").path(0).path("description").asText();
    }

    private static String footer(JsonNode message) {
        return message.path("embeds").path(0).path("footer").path("text").asText();
    }

    private static String healthz(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
