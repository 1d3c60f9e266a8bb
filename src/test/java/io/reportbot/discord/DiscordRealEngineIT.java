package io.reportbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reportbot.engine.Engine;
import io.reportbot.core.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Discord adapter with the real, bundled engine against {@link FakeDiscord}: the contract between
 * them holds (examples answer, fallback suggestions become buttons whose clicks the bot accepts).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordRealEngineIT {
    private FakeDiscord discord;
    private DiscordBot bot;
    private Engine engine;

    @BeforeAll
    void start() throws Exception {
        engine = Engine.bundled();
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
    void everyExampleQuestionGetsAnEmbedWithinTheLimits() {
        for (Language lang : Language.values()) {
            String locale = lang == Language.DE ? "de" : "en-US";
            for (String question : engine.exampleQuestions(lang).subList(0, Math.min(3, engine.exampleQuestions(lang).size()))) {
                JsonNode data = callback(discord.slashCommand("ask", locale, "question", question));
                assertThat(data.path("embeds")).as(question + " -> " + data).hasSize(1);
                JsonNode embed = data.path("embeds").get(0);
                assertThat(embed.path("description").asText()).as(question).isNotBlank();
                assertThat(embed.path("description").asText().length()).isLessThanOrEqualTo(4096);
                assertThat(embed.path("footer").path("text").asText()).isEqualTo(engine.report(lang).title());
            }
        }
    }

    /** Fault 16 of issue 12: a question whose language is unclear is answered in the client's language. */
    @Test
    void anUnclearQuestionIsAnsweredInTheClientsLanguage() {
        JsonNode german = callback(discord.slashCommand("ask", "de", "question", "Unicorns 2024?"));
        assertThat(german.path("embeds").get(0).path("description").asText()).contains("36 Einhorn-Unternehmen");
        JsonNode english = callback(discord.slashCommand("ask", "en-US", "question", "Unicorns 2024?"));
        assertThat(english.path("embeds").get(0).path("description").asText()).contains("36 unicorn companies");
    }

    @Test
    void fallbackButtonsAndTopicButtonsAreAcceptedWhenClicked() {
        JsonNode topics = callback(discord.slashCommand("topics", "de", null, null));
        assertThat(topics.path("components")).isNotEmpty();
        String id = topics.path("components").get(0).path("components").get(0).path("custom_id").asText();
        JsonNode answer = callback(discord.buttonClick(id, "de"));
        assertThat(answer.path("flags").asInt(0) & 64).as("accepted, not the ephemeral rejection").isZero();
        assertThat(answer.path("embeds").get(0).path("description").asText()).isNotBlank();

        JsonNode fallback = callback(discord.slashCommand("ask", "de", "question", "Wie wird das Wetter morgen in Paris?"));
        for (JsonNode row : fallback.path("components")) {
            for (JsonNode button : row.path("components")) {
                JsonNode clicked = callback(discord.buttonClick(button.path("custom_id").asText(), "de"));
                assertThat(clicked.path("flags").asInt(0) & 64).as(button.toString()).isZero();
            }
        }
    }

    /**
     * A topic picked by button goes through Engine.answer, so the conversation remembers it: clicking
     * "unicorns" and then asking "und in ganz China?" answers about the unicorns' national total.
     */
    @Test
    void aClickedTopicButtonIsRememberedForTheNextQuestion() {
        String id = DiscordFormatter.BUTTONS.encode(Language.DE, "unicorns").orElseThrow();
        JsonNode tapped = callback(discord.buttonClick(id, "de"));
        assertThat(tapped.path("embeds").get(0).path("description").asText()).contains("36");
        JsonNode followUp = callback(discord.slashCommand("ask", "de", "question", "und in ganz China?"));
        assertThat(followUp.path("embeds").get(0).path("description").asText()).contains("72").contains("Einhorn");
    }

    private JsonNode callback(ObjectNode interaction) {
        int from = discord.requests().size();
        discord.dispatchInteraction(interaction);
        String path = "/api/v10/interactions/" + interaction.path("id").asText() + "/" + interaction.path("token").asText()
                + "/callback";
        JsonNode body = discord.awaitRequest("callback", from, r -> r.method().equals("POST") && r.path().equals(path)).json();
        assertThat(body.path("type").asInt()).isEqualTo(4);
        return body.path("data");
    }
}
