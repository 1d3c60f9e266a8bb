package io.reportbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reportbot.engine.Engine;
import io.reportbot.engine.EngineSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two reports behind one Discord bot against {@link FakeDiscord}: /ask's {@code report:} option with
 * autocomplete picks a report, the channel keeps it, and without a pick the report a question clearly belongs to
 * answers and names itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordMultiReportIT {
    private FakeDiscord discord;
    private DiscordBot bot;

    @BeforeAll
    void start() throws Exception {
        Engine engine = Engine.create(EngineSettings.bundled().withMore(new EngineSettings.ReportSelection(
                List.of(Path.of("src/test/resources/reports/ai-index-2024")), Optional.empty(), Map.of())));
        discord = new FakeDiscord();
        Path config = Files.createTempFile("reportbot-discord", ".properties");
        Files.writeString(config, "discord.rateLimit.user.questions=1000\n");
        bot = DiscordBot.start(DiscordSettings.load(Map.of("DISCORD_BOT_TOKEN", DiscordBotIT.TOKEN,
                "DISCORD_API_URL", discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl()), Optional.of(config)), engine);
        assertThat(bot.awaitConnected(Duration.ofSeconds(10))).isTrue();
    }

    @AfterAll
    void stop() throws Exception {
        if (bot != null) {
            bot.stop();
        }
        if (discord != null) {
            discord.close();
        }
    }

    @Test
    void theReportOptionAutocompletesPicksAndIsKeptForTheChannel() {
        JsonNode choices = callback(discord.autocomplete("ask", "en-US", "report", "index"), 8);
        assertThat(choices.path("choices").findValuesAsText("value")).containsExactly("ai-index-2024");

        ObjectNode ask = discord.slashCommand("ask", "en-US", "question", "How many AI bills were proposed in Congress?");
        ((ArrayNode) ask.path("data").path("options")).addObject().put("name", "report").put("type", 3)
                .put("value", "ai-index-2024");
        JsonNode answer = callback(ask, 4);
        assertThat(description(answer)).contains("181").contains("88");
        assertThat(answer.path("embeds").get(0).path("footer").path("text").asText())
                .as("the footer names the report that answered").isEqualTo("Stanford AI Index 2024 (summary)");

        // the same channel and user, no option: the picked report still answers, and refuses Beijing
        assertThat(description(callback(discord.slashCommand("ask", "de", "question",
                "Wie viele bedeutende KI-Modelle kamen aus Beijing?"), 4))).contains("behandelt nur die USA");
    }

    private static String description(JsonNode data) {
        return data.path("embeds").get(0).path("description").asText();
    }

    private JsonNode callback(ObjectNode interaction, int type) {
        int from = discord.requests().size();
        discord.dispatchInteraction(interaction);
        String path = "/api/v10/interactions/" + interaction.path("id").asText() + "/" + interaction.path("token").asText()
                + "/callback";
        JsonNode body = discord.awaitRequest("callback", from, r -> r.method().equals("POST") && r.path().equals(path)).json();
        assertThat(body.path("type").asInt()).isEqualTo(type);
        return body.path("data");
    }
}
