package io.reportbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A soak of the Discord path, smaller than the Telegram one: the real JDA against {@link FakeDiscord}, 300 /ask
 * interactions from 50 users, a gateway disconnect in the middle (the interactions dispatched meanwhile are replayed
 * after the resume, as Discord does) and 429s on interaction callbacks. Every interaction must get exactly one
 * successful callback, and its answer (in the callback, or by editing the deferred reply). Prints one line of
 * figures for the README.
 */
class DiscordSoakIT {
    static final int INTERACTIONS = 300;
    static final int USERS = 50;
    static final long FIRST_USER = 1_200_000_000_000_000_000L;
    static final int RATE_LIMITED = 3 * 4;

    @Test
    void everyInteractionGetsExactlyOneCallbackThroughADisconnectAnd429s() throws Exception {
        SplittableRandom random = new SplittableRandom(Long.getLong("soak.seed", 6L));
        try (FakeDiscord discord = new FakeDiscord()) {
            Path config = Files.createTempFile("reportbot-discord-soak", ".properties");
            Files.writeString(config, "discord.deferAfterMillis=1000\ndiscord.rateLimit.questions=1000\n"
                    + "discord.channelRateLimit.questions=100000\n"
                    + "discord.shutdownTimeoutSeconds=5\n");
            DiscordConfig cfg = DiscordConfig.load(Map.of("DISCORD_BOT_TOKEN", DiscordBotIT.TOKEN, "DISCORD_API_URL",
                    discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl()), Optional.of(config));
            Files.delete(config);
            DiscordBot bot = DiscordBot.start(cfg, new FakeEngine());
            try {
                assertThat(bot.awaitConnected(Duration.ofSeconds(10))).isTrue();
                long heapBefore = heapUsedMb();
                long t0 = System.nanoTime();
                List<ObjectNode> asked = new ArrayList<>();
                for (int n = 0; n < INTERACTIONS; n++) {
                    if (n == INTERACTIONS / 2) {
                        discord.dropConnection(); // the next ones wait in the fake and are replayed on RESUME
                    }
                    if (n % 50 == 25 && n / 50 < 3) {
                        discord.rateLimitNextCallbacks(4);
                    }
                    ObjectNode ask = ask(discord, random, n);
                    asked.add(ask);
                    discord.dispatchInteractionOrReplay(ask);
                    if (n < INTERACTIONS / 2 || n >= INTERACTIONS / 2 + 30) { // a burst while disconnected
                        Thread.sleep(random.nextInt(8));
                    }
                }
                FakeDiscord.await("the resume", Duration.ofSeconds(20),
                        () -> discord.resumes() == 1 && discord.missedCount() == 0);
                Map<String, Integer> callbacks = new HashMap<>();
                FakeDiscord.await("a callback for every interaction", Duration.ofSeconds(40), () -> {
                    count(discord, callbacks);
                    return callbacks.size() == INTERACTIONS;
                });
                Thread.sleep(500); // a second callback would show up within this time
                count(discord, callbacks);
                double seconds = (System.nanoTime() - t0) / 1e9;

                long lost = asked.stream().filter(a -> !callbacks.containsKey(a.path("id").asText())).count();
                long duplicates = callbacks.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
                long withoutAnswer = asked.stream().filter(a -> !answered(discord, a)).count();
                long rateLimited = discord.requests("POST", "/api/v10/interactions/.*/callback").stream()
                        .filter(discord::wasRateLimited).count();
                long heapAfter = heapUsedMb();
                System.out.printf(java.util.Locale.ROOT, "[soak discord] interactions=%d users=%d disconnects=1"
                                + " resumes=%d replayed=%d faults=429:%d lost=%d duplicates=%d unanswered=%d heap_mb=%d->%d"
                                + " seconds=%.0f%n", INTERACTIONS, USERS, discord.resumes(), discord.replayed(), rateLimited, lost,
                        duplicates, withoutAnswer, heapBefore, heapAfter, seconds);

                assertThat(lost).as("interactions without a callback").isZero();
                assertThat(duplicates).as("second callbacks").isZero();
                assertThat(withoutAnswer).as("callbacks without the answer").isZero();
                assertThat(rateLimited).as("429s served").isEqualTo(RATE_LIMITED);
                assertThat(discord.identifies()).as("resumed, not identified again").isEqualTo(1);
                assertThat(heapAfter - heapBefore).as("heap growth in MB").isLessThan(64);
                assertThat(discord.replayed()).as("interactions dispatched during the disconnect").isPositive();
            } finally {
                bot.stop();
            }
        }
    }

    private static ObjectNode ask(FakeDiscord discord, SplittableRandom random, int n) {
        String question = switch (random.nextInt(4)) {
            case 0 -> "Wie viele Einhörner gibt es?";
            case 1 -> "How many unicorns are there?";
            case 2 -> "How much funding was there?";
            default -> "Frage " + n + " 🤖 {{7*7}}";
        };
        ObjectNode i = discord.slashCommand("ask", n % 2 == 0 ? "de" : "en-US", "question", question);
        ObjectNode user = FakeDiscord.user(FIRST_USER + random.nextInt(USERS));
        i.set("user", user);
        ((com.fasterxml.jackson.databind.node.ArrayNode) i.path("channel").path("recipients")).removeAll().add(user);
        return i;
    }

    /** Successful (HTTP 200) callbacks per interaction id; 429s are not counted. */
    private static void count(FakeDiscord discord, Map<String, Integer> out) {
        out.clear();
        for (FakeDiscord.Request r : discord.requests("POST", "/api/v10/interactions/.*/callback")) {
            if (!discord.wasRateLimited(r)) {
                out.merge(r.path().split("/")[4], 1, Integer::sum);
            }
        }
    }

    /** The answer arrived: in the callback itself (type 4 with an embed), or as the edit of a deferred reply. */
    private static boolean answered(FakeDiscord discord, ObjectNode ask) {
        String id = ask.path("id").asText();
        String token = ask.path("token").asText();
        return discord.requests("POST", "/api/v10/interactions/" + id + "/.*/callback").stream()
                .filter(r -> !discord.wasRateLimited(r))
                .anyMatch(r -> r.json().path("type").asInt() == 4 && r.json().path("data").path("embeds").size() > 0)
                || discord.requests("PATCH", "/api/v10/webhooks/\\d+/" + token + "/messages/@original").stream()
                .anyMatch(r -> r.json().path("embeds").size() > 0);
    }

    static long heapUsedMb() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }
}
