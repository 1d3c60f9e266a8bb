package io.reportbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reportbot.cli.ReportbotProcess;
import io.reportbot.state.RedisServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code reportbot discord} processes of one bot, {@code discord.shards.total=2} and one shard each, sharing a
 * real redis-server, against {@link FakeDiscord}, which routes each guild's interactions to the shard
 * {@code (guild_id >> 22) % 2} as Discord does:
 * <ul>
 *   <li>every interaction is answered once, by the process that runs its guild's shard (each process has its own
 *       obviously fake token, so the fake sees who answered);</li>
 *   <li>an interaction delivered to both processes is answered once (the shared ledger);</li>
 *   <li>after one process stops, the other's guilds are still answered;</li>
 *   <li>a process that takes the stopped one's shard over answers a follow-up with the context kept in Redis.</li>
 * </ul>
 */
class DiscordShardsIT {
    private static final String TOKEN_0 = DiscordBotIT.TOKEN + "-shard0";
    private static final String TOKEN_1 = DiscordBotIT.TOKEN + "-shard1";
    /** Two guilds per shard: (id >> 22) % 2 is 0, 1, 0, 1. */
    private static final long[] GUILDS = {1_000L << 22 | 7, 1_001L << 22 | 7, 1_002L << 22 | 9, 1_003L << 22 | 9};
    private static final int ASKS_PER_GUILD = 3;
    private static final Duration ANSWER = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void eachGuildIsAnsweredOnceByItsShardsProcessAndSurvivesTheOtherStopping() throws Exception {
        try (RedisServer redis = RedisServer.startNew(); FakeDiscord discord = new FakeDiscord(41_250)) {
            ReportbotProcess p0 = start(discord, redis, 0, TOKEN_0);
            ReportbotProcess p1 = start(discord, redis, 1, TOKEN_1);
            ReportbotProcess p2 = null;
            try {
                FakeDiscord.await("both shards connected", Duration.ofSeconds(40),
                        () -> discord.shardConnected(0) && discord.shardConnected(1));

                // every guild's questions: answered once each, by the token of the process owning the shard
                List<ObjectNode> asked = new ArrayList<>();
                for (long guild : GUILDS) {
                    for (int n = 0; n < ASKS_PER_GUILD; n++) {
                        ObjectNode ask = discord.guildAsk(guild, guild + 1, "en-US", "How many unicorns are in Beijing?");
                        assertThat(discord.dispatchToGuildShard(ask)).as("guild %d's shard is connected", guild).isTrue();
                        asked.add(ask);
                    }
                }
                for (ObjectNode ask : asked) {
                    long guild = Long.parseLong(ask.path("guild_id").asText());
                    String owner = FakeDiscord.shardOf(guild, 2) == 0 ? TOKEN_0 : TOKEN_1;
                    awaitCallback(discord, ask);
                    List<FakeDiscord.Request> callbacks = callbacks(discord, ask);
                    assertThat(callbacks).as("callbacks for an interaction in guild %d", guild).hasSize(1);
                    assertThat(callbacks.get(0).authorization()).as("answered by the shard's process")
                            .isEqualTo("Bot " + owner);
                    assertThat(callbacks.get(0).json().path("type").asInt()).as("an answer or a deferral").isIn(4, 5);
                }

                // one interaction delivered to both processes (a shard handed over, two processes on one shard):
                // the shared ledger lets one of them answer it
                ObjectNode twice = discord.guildAsk(GUILDS[0], GUILDS[0] + 1, "en-US", "What is the report about?");
                assertThat(discord.dispatchToShard(0, twice)).isTrue();
                assertThat(discord.dispatchToShard(1, twice)).isTrue();
                awaitCallback(discord, twice);
                Thread.sleep(2_000); // the second process had as long as the first to answer too
                assertThat(callbacks(discord, twice)).as("an interaction both processes received").hasSize(1);

                // a question in guild 0 before its process goes, for the follow-up after the hand-over
                ObjectNode first = discord.guildAsk(GUILDS[0], GUILDS[0] + 1, "de", "Wie groß ist die KI-Branche in Beijing?");
                assertThat(discord.dispatchToGuildShard(first)).isTrue();
                awaitAnswerText(discord, first);

                // process 0 stops: shard 1's guilds are still answered, shard 0 has no connection left
                p0.sigterm();
                assertThat(p0.process().waitFor(30, TimeUnit.SECONDS)).as("process 0 exits after SIGTERM").isTrue();
                assertThat(p0.process().exitValue()).isZero();
                FakeDiscord.await("shard 0 disconnected", Duration.ofSeconds(10), () -> !discord.shardConnected(0));
                for (long guild : new long[] {GUILDS[1], GUILDS[3]}) {
                    ObjectNode ask = discord.guildAsk(guild, guild + 1, "de", "Wie viele Einhörner gibt es in Peking?");
                    assertThat(discord.dispatchToGuildShard(ask)).isTrue();
                    awaitCallback(discord, ask);
                    assertThat(callbacks(discord, ask)).hasSize(1).allSatisfy(r ->
                            assertThat(r.authorization()).isEqualTo("Bot " + TOKEN_1));
                }
                assertThat(discord.dispatchToGuildShard(discord.guildAsk(GUILDS[0], GUILDS[0] + 1, "en-US", "Unicorns?")))
                        .as("nobody runs shard 0 any more").isFalse();
                assertThat(p1.process().isAlive()).isTrue();

                // a new process takes shard 0 over (a rolling restart): the follow-up keeps its context from Redis
                p2 = start(discord, redis, 0, TOKEN_0);
                FakeDiscord.await("shard 0 taken over", Duration.ofSeconds(40), () -> discord.shardConnected(0));
                ObjectNode followUp = discord.guildAsk(GUILDS[0], GUILDS[0] + 1, "de", "Und in Euro?");
                ObjectNode fresh = discord.guildAsk(GUILDS[0], GUILDS[0] + 2, "de", "Und in Euro?");
                assertThat(discord.dispatchToGuildShard(followUp)).isTrue();
                String withContext = awaitAnswerText(discord, followUp);
                assertThat(discord.dispatchToGuildShard(fresh)).isTrue();
                String withoutContext = awaitAnswerText(discord, fresh);
                assertThat(withContext).as("the follow-up after the hand-over, against the same words in a new channel")
                        .isNotEqualTo(withoutContext);
            } finally {
                for (ReportbotProcess p : p2 == null ? List.of(p0, p1) : List.of(p0, p1, p2)) {
                    p.sigterm();
                    if (!p.process().waitFor(30, TimeUnit.SECONDS)) {
                        p.process().destroyForcibly();
                    }
                }
                // for a failure's diagnosis: what both processes said
                Files.write(Path.of("target", "DiscordShardsIT-stderr.txt"), concat(p0.stderr(), p1.stderr()),
                        StandardCharsets.UTF_8);
                if (p2 != null) {
                    Files.write(Path.of("target", "DiscordShardsIT-stderr-2.txt"), p2.stderr(), StandardCharsets.UTF_8);
                }
            }
            String stderr = String.join("\n", p0.stderr()) + "\n" + String.join("\n", p1.stderr());
            Files.writeString(dir.resolve("stderr.txt"), stderr, StandardCharsets.UTF_8);
            assertThat(stderr).contains("sharing conversations, handled interactions and rate limits in redis")
                    .doesNotContain("fake-token-for-tests-only").doesNotContain("itoken-");
        }
    }

    private ReportbotProcess start(FakeDiscord discord, RedisServer redis, int shard, String token) throws Exception {
        Path config = dir.resolve("shard" + shard + ".properties");
        Files.writeString(config, "discord.shards.total=2\ndiscord.shards.range=" + shard + "-" + shard + "\n"
                        // one user asks across both processes, which now share one allowance in Redis
                        + "discord.rateLimit.user.questions=1000\ndiscord.rateLimit.chat.questions=1000\n",
                StandardCharsets.UTF_8);
        return ReportbotProcess.start(List.of("discord", "--config", config.toString()), Map.of(
                "DISCORD_BOT_TOKEN", token,
                "DISCORD_API_URL", discord.apiUrl(),
                "DISCORD_GATEWAY_URL", discord.gatewayUrl(),
                "REPORTBOT_REDIS_URL", redis.url(),
                "REPORTBOT_LOG_LEVEL", "INFO"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.add("---- process 1 ----");
        all.addAll(b);
        return all;
    }

    /** The answer's text: the callback's message, or the edit of {@code @original} after a deferral. */
    private static String awaitAnswerText(FakeDiscord discord, ObjectNode ask) {
        awaitCallback(discord, ask);
        FakeDiscord.Request callback = callbacks(discord, ask).get(0);
        if (callback.json().path("type").asInt() == 4) {
            return callback.json().path("data").toString();
        }
        String edit = ".*/webhooks/\\d+/" + ask.path("token").asText() + "/messages/@original";
        FakeDiscord.await("the deferred answer", ANSWER, () -> !discord.requests("PATCH", edit).isEmpty());
        return discord.requests("PATCH", edit).get(0).json().toString();
    }

    private static void awaitCallback(FakeDiscord discord, ObjectNode ask) {
        FakeDiscord.await("the answer to interaction " + ask.path("id").asText(), ANSWER,
                () -> !callbacks(discord, ask).isEmpty());
    }

    private static List<FakeDiscord.Request> callbacks(FakeDiscord discord, ObjectNode ask) {
        return discord.requests("POST", ".*/interactions/" + ask.path("id").asText() + "/.*/callback");
    }
}
