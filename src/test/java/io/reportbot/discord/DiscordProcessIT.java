package io.reportbot.discord;

import static io.reportbot.discord.FakeDiscord.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reportbot.cli.ReportbotProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code reportbot discord} as a real process against {@link FakeDiscord}: SIGTERM ends in exit 0 after the
 * answers in flight, and a gateway closed for good while running (4004, the token was reset) ends it with 2.
 */
class DiscordProcessIT {
    private static final Duration START = Duration.ofSeconds(60);

    private static ReportbotProcess start(FakeDiscord discord) throws IOException {
        return ReportbotProcess.start(List.of("discord"), Map.of("DISCORD_BOT_TOKEN", DiscordBotIT.TOKEN,
                "DISCORD_API_URL", discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl()));
    }

    @Test
    void sigtermFinishesTheAnswersAndExitsZero() throws Exception {
        try (FakeDiscord discord = new FakeDiscord()) {
            ReportbotProcess run = start(discord);
            try {
                FakeDiscord.await("READY", START, () -> discord.readies() == 1);
                FakeDiscord.await("commands registered", START,
                        () -> !discord.requests("PUT", "/api/v10/applications/\\d+/commands").isEmpty());
                ObjectNode ask = discord.slashCommand("ask", "de", "question", "Wie viele Einhörner gibt es in Peking?");
                discord.rateLimitNextCallbacks(2); // JDA warns about the second 429, naming the interaction's bucket
                discord.dispatchInteraction(ask);
                String callback = "/api/v10/interactions/" + ask.path("id").asText() + "/" + ask.path("token").asText() + "/callback";
                String edit = "/api/v10/webhooks/" + APP_ID + "/" + ask.path("token").asText() + "/messages/@original";
                FakeDiscord.await("the answer", Duration.ofSeconds(20), () -> discord.requests("POST", callback).stream()
                        .anyMatch(r -> r.json().path("type").asInt() == 4) || !discord.requests("PATCH", edit).isEmpty());

                run.sigterm();
                assertThat(run.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(run.process().exitValue()).as("exit code after SIGTERM; stderr: " + run.stderr()).isZero();
                assertThat(run.stderr()).noneMatch(l -> l.contains(DiscordBotIT.TOKEN));
                assertThat(run.stderr()).as("JDA's warning about the 429, masked").anyMatch(l -> l.contains("Encountered 429")
                        && l.contains("interaction_token=<redacted>"));
                assertThat(run.stderr()).as("no interaction token on stderr").noneMatch(l -> l.contains("itoken-"));
            } finally {
                run.process().destroyForcibly();
            }
        }
    }

    @Test
    void aGatewayClosedWith4004WhileRunningExitsWith2() throws Exception {
        try (FakeDiscord discord = new FakeDiscord()) {
            ReportbotProcess run = start(discord);
            try {
                FakeDiscord.await("READY", START, () -> discord.readies() == 1);
                discord.closeGateway(4004, "Authentication failed.");
                assertThat(run.process().waitFor(30, TimeUnit.SECONDS)).as("the process ends").isTrue();
                assertThat(run.process().exitValue()).as("stderr: " + run.stderr()).isEqualTo(2);
                FakeDiscord.await("the reason on stderr", Duration.ofSeconds(5), () -> run.stderr().stream()
                        .anyMatch(l -> l.contains("reportbot discord: Discord closed the gateway with code 4004")
                                && l.contains("DISCORD_BOT_TOKEN")));
                assertThat(run.stderr()).noneMatch(l -> l.contains(DiscordBotIT.TOKEN));
                assertThat(discord.identifies()).as("no new session with the dead token").isEqualTo(1);
            } finally {
                run.process().destroyForcibly();
            }
        }
    }
}
