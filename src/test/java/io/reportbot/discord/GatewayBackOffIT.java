package io.reportbot.discord;

import io.reportbot.adapter.ScriptedEngine;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A gateway that accepts the connection and closes it (1001, going away) before HELLO, again and again: the bot must
 * back off instead of redialling at once (a probe counted about 3,760 dials in 10 s), and connect again when the
 * gateway is back.
 */
class GatewayBackOffIT {
    static final Duration WATCH = Duration.ofSeconds(8);

    @Test
    void aGatewayThatClosesBeforeHelloIsRedialledWithBackOffAndTheBotRecovers() throws Exception {
        try (FakeDiscord discord = new FakeDiscord()) {
            DiscordSettings cfg = DiscordSettings.from(new Properties(), Map.of("DISCORD_BOT_TOKEN", DiscordBotIT.TOKEN,
                    "DISCORD_API_URL", discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl()));
            DiscordBot bot = DiscordBot.start(cfg, new ScriptedEngine());
            try {
                assertThat(bot.awaitConnected(Duration.ofSeconds(10))).isTrue();
                int before = discord.gatewayOpens();
                discord.closeBeforeHello(1001);
                discord.dropConnection();
                Thread.sleep(WATCH.toMillis());
                int dials = discord.gatewayOpens() - before;
                System.out.printf(java.util.Locale.ROOT, "[gateway 1001 before HELLO] dials in %d s: %d%n",
                        WATCH.toSeconds(), dials);
                assertThat(dials).as("dials in " + WATCH.toSeconds() + " s").isBetween(2, 12);

                discord.closeBeforeHello(0);
                assertThat(bot.awaitConnected(Duration.ofSeconds(40))).as("connected again once the gateway is back").isTrue();
            } finally {
                bot.stop();
            }
        }
    }
}
