package io.reportbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reportbot discord} as a separate process, configured only through the environment, against
 * {@link FakeDiscord}: it registers, answers, and on SIGTERM shuts down cleanly without printing the token.
 */
class DiscordCommandIT {

    @TempDir
    Path dir;

    @Test
    void runsFromTheEnvironmentAndStopsCleanlyOnSigterm() throws Exception {
        try (FakeDiscord discord = new FakeDiscord()) {
            Path log = dir.resolve("stderr.txt");
            ProcessBuilder pb = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.reportbot.cli.Main", "discord")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().remove("DISCORD_BOT_TOKEN");
            pb.environment().put("DISCORD_BOT_TOKEN", DiscordBotIT.TOKEN);
            pb.environment().put("DISCORD_API_URL", discord.apiUrl());
            pb.environment().put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
            pb.environment().put("REPORTBOT_LOG_LEVEL", "INFO");
            Process process = pb.start();
            try {
                discord.awaitRequest("command registration", 0, r -> r.method().equals("PUT"));
                ObjectNode ask = discord.slashCommand("ask", "de", "question", "Wie viele Einhörner gibt es in Peking?");
                int from = discord.requests().size();
                discord.dispatchInteraction(ask);
                JsonNode reply = discord.awaitRequest("the answer", from,
                        r -> r.path().contains("/interactions/" + ask.path("id").asText() + "/")).json();
                assertThat(reply.path("type").asInt()).isEqualTo(4);

                process.destroy(); // SIGTERM
                assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
            } finally {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).contains("Discord bot stopped").doesNotContain(DiscordBotIT.TOKEN)
                    .doesNotContain("fake-token-for-tests-only");
            FakeDiscord.await("the gateway connection closed", Duration.ofSeconds(5), () -> !discord.connected());
        }
    }
}
