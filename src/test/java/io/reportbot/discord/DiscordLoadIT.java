package io.reportbot.discord;

import io.reportbot.adapter.ScriptedEngine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Many simultaneous /ask: every interaction gets exactly one first response (the answer, or a deferral followed by the
 * edit), and the test prints how many first responses came later than Discord's 3 s after the interaction was created
 * (its snowflake time). Each answer costs {@code -Dload.answerMillis} (default 10 ms) on the bot's workers, so that
 * answers queue up as under real load. Timings are measured and written down, not asserted.
 * {@code -Dload.interactions=N} (default 600).
 */
class DiscordLoadIT {
    static final int INTERACTIONS = Integer.getInteger("load.interactions", 600);
    static final int USERS = 50;
    static final long ANSWER_MILLIS = Long.getLong("load.answerMillis", 10);

    @Test
    void manySimultaneousQuestionsEachGetOneFirstResponse() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(41_250)) { // Discord's interval: a flood must not cost a heartbeat
            Properties p = new Properties();
            p.setProperty("discord.rateLimit.user.questions", "100000");
            p.setProperty("discord.rateLimit.chat.questions", "100000");
            p.setProperty("discord.shutdownTimeoutSeconds", "30");
            DiscordBot bot = DiscordBot.start(DiscordSettings.from(p, Map.of("DISCORD_BOT_TOKEN", DiscordBotIT.TOKEN,
                    "DISCORD_API_URL", discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl())), new SlowEngine());
            List<ObjectNode> asked = new ArrayList<>();
            try {
                assertThat(bot.awaitConnected(Duration.ofSeconds(10))).isTrue();
                for (int n = 0; n < INTERACTIONS; n++) {
                    ObjectNode ask = discord.slashCommand("ask", n % 2 == 0 ? "de" : "en-US", "question",
                            n % 2 == 0 ? "Wie viele Einhörner gibt es?" : "How many unicorns are there?");
                    ObjectNode user = FakeDiscord.user(DiscordSoakIT.FIRST_USER + n % USERS);
                    ask.set("user", user);
                    asked.add(ask);
                }
                asked.forEach(discord::dispatchInteraction); // as fast as the gateway can send them
                FakeDiscord.await("an answer to every interaction", Duration.ofSeconds(120), () -> answered(discord) >= INTERACTIONS);
            } finally {
                bot.stop();
            }

            Map<String, List<FakeDiscord.Request>> callbacks = new HashMap<>();
            for (FakeDiscord.Request r : discord.requests("POST", "/api/v10/interactions/.*/callback")) {
                callbacks.computeIfAbsent(r.path().split("/")[4], k -> new ArrayList<>()).add(r);
            }
            List<Long> latencies = new ArrayList<>();
            int deferred = 0;
            int lateAnswers = 0;
            for (ObjectNode ask : asked) {
                List<FakeDiscord.Request> first = callbacks.getOrDefault(ask.path("id").asText(), List.of());
                assertThat(first).as("callbacks of interaction " + ask.path("id").asText()).hasSize(1);
                long created = (ask.path("id").asLong() >>> 22) + FakeDiscord.DISCORD_EPOCH;
                long latency = discord.arrivedAt(first.get(0)) - created;
                latencies.add(latency);
                if (first.get(0).json().path("type").asInt() == 5) {
                    deferred++;
                } else if (latency > 3000) {
                    lateAnswers++; // an answer without a deferral, too late: Discord would refuse it
                }
            }
            latencies.sort(null);
            long late = latencies.stream().filter(ms -> ms > 3000).count();
            System.out.printf(java.util.Locale.ROOT, "[load discord] interactions=%d answer_ms=%d deferred=%d first_response_ms"
                            + " p50=%d p90=%d p99=%d max=%d later_than_3s=%d of_which_answers_without_deferral=%d%n", INTERACTIONS,
                    ANSWER_MILLIS, deferred,
                    latencies.get(latencies.size() / 2), latencies.get(latencies.size() * 9 / 10),
                    latencies.get(latencies.size() * 99 / 100), latencies.get(latencies.size() - 1), late, lateAnswers);
        }
    }

    /** Interactions answered: in the callback (type 4), or by the edit of a deferred reply. */
    private static int answered(FakeDiscord discord) {
        long direct = discord.requests("POST", "/api/v10/interactions/.*/callback").stream()
                .filter(r -> r.json().path("type").asInt() == 4).count();
        return (int) (direct + discord.requests("PATCH", "/api/v10/webhooks/\\d+/.*/messages/@original").size());
    }

    /** {@link ScriptedEngine} whose answers take {@link #ANSWER_MILLIS} each. */
    private static final class SlowEngine implements io.reportbot.engine.Engine {
        private final ScriptedEngine engine = new ScriptedEngine();

        @Override
        public io.reportbot.engine.Reply answer(io.reportbot.engine.Inbound inbound) {
            try {
                Thread.sleep(ANSWER_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return engine.answer(inbound);
        }

        @Override
        public io.reportbot.engine.Reply answerTopic(String topicId, io.reportbot.core.Language language, String conversationId,
                                                     String platform) {
            return engine.answerTopic(topicId, language, conversationId, platform);
        }

        @Override
        public List<io.reportbot.engine.Suggestion> topics(io.reportbot.core.Language language) {
            return engine.topics(language);
        }

        @Override
        public List<String> exampleQuestions(io.reportbot.core.Language language) {
            return engine.exampleQuestions(language);
        }

        @Override
        public io.reportbot.engine.ReportInfo report(io.reportbot.core.Language language) {
            return engine.report(language);
        }

        @Override
        public io.reportbot.core.Language detectLanguage(String text, java.util.Optional<io.reportbot.core.Language> hint) {
            return engine.detectLanguage(text, hint);
        }

        @Override
        public String message(io.reportbot.core.Language language, String key) {
            return engine.message(language, key);
        }
    }
}
