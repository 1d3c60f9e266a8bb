package io.reportbot.discord;

import io.reportbot.adapter.ScriptedEngine;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.reportbot.ops.Metrics;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A soak of the Discord path, smaller than the Telegram one: the real JDA against {@link FakeDiscord}, 300 /ask
 * interactions from 50 users, a gateway disconnect in the middle (the interactions dispatched meanwhile are replayed
 * after the resume, as Discord does) and 429s on interaction callbacks. Every interaction must get exactly one
 * successful callback, and its answer (in the callback, or by editing the deferred reply). A second test injects HTTP
 * 500s and dropped connections on callbacks, which are retried. Each prints one line of figures for the
 * README.
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
            Files.writeString(config, "discord.deferAfterMillis=1000\ndiscord.rateLimit.user.questions=1000\n"
                    + "discord.rateLimit.chat.questions=100000\n"
                    + "discord.shutdownTimeoutSeconds=5\n");
            DiscordSettings cfg = DiscordSettings.load(Map.of("DISCORD_BOT_TOKEN", DiscordBotIT.TOKEN, "DISCORD_API_URL",
                    discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl()), Optional.of(config));
            Files.delete(config);
            DiscordBot bot = DiscordBot.start(cfg, new ScriptedEngine());
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

    static final int FAULT_INTERACTIONS = 120;
    /** From the 11th interaction on, every 20th: the next callback fails, with HTTP 500 and a dropped connection in turn. */
    static final int FAULT_EVERY = 20;

    /**
     * HTTP 500s and dropped connections on interaction callbacks, and what becomes of them.
     *
     * <ul>
     *   <li>JDA's {@code Requester} retries a response only for 502, 503, 504, 520–524 and 529, and an I/O error only
     *       for a few socket exceptions; a 500 it gives up at once. JDA marks the interaction acknowledged when the
     *       callback is sent, so reportbot cannot send it again through JDA: {@link InteractionRetry}, an OkHttp
     *       interceptor, sends it once more while the interaction is younger than 2.5 s.</li>
     *   <li>A connection that ends without a status line is an {@code IOException}. OkHttp itself resends the
     *       request once when the broken connection was reused from its pool; otherwise {@link InteractionRetry}
     *       does. The test reports who did.</li>
     * </ul>
     *
     * <p>Every interaction gets exactly one successful callback with its answer; nothing is counted as a send error.
     */
    @Test
    void serverErrorsAndDroppedConnectionsOnCallbacksAreRetriedAndEveryInteractionIsAnswered() throws Exception {
        SplittableRandom random = new SplittableRandom(Long.getLong("soak.seed", 7L));
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger retryLog = (Logger) LoggerFactory.getLogger(InteractionRetry.class);
        logs.start();
        retryLog.addAppender(logs);
        Metrics metrics = new Metrics();
        try (FakeDiscord discord = new FakeDiscord()) {
            Properties limits = new Properties();
            limits.setProperty("discord.rateLimit.user.questions", "1000");
            limits.setProperty("discord.rateLimit.chat.questions", "100000");
            limits.setProperty("discord.shutdownTimeoutSeconds", "5");
            DiscordSettings cfg = DiscordSettings.from(limits, Map.of("DISCORD_BOT_TOKEN", DiscordBotIT.TOKEN,
                    "DISCORD_API_URL", discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl()));
            DiscordBot bot = DiscordBot.start(cfg, new ScriptedEngine(), metrics);
            List<ObjectNode> asked = new ArrayList<>();
            long t0 = System.nanoTime();
            try {
                assertThat(bot.awaitConnected(Duration.ofSeconds(10))).isTrue();
                for (int n = 0; n < FAULT_INTERACTIONS; n++) {
                    if (n % FAULT_EVERY == FAULT_EVERY / 2) {
                        discord.failNextCallbacks((n / FAULT_EVERY) % 2 == 0 ? FakeDiscord.CallbackFault.SERVER_ERROR
                                : FakeDiscord.CallbackFault.DROPPED_CONNECTION);
                    }
                    ObjectNode ask = ask(discord, random, n);
                    asked.add(ask);
                    discord.dispatchInteraction(ask);
                    Thread.sleep(random.nextInt(8));
                }
                FakeDiscord.await("an answer or a counted failure for every interaction", Duration.ofSeconds(30), () -> {
                    Map<String, Integer> ok = new HashMap<>();
                    count(discord, ok);
                    return ok.size() + sendErrors(metrics) >= FAULT_INTERACTIONS;
                });
                Thread.sleep(500); // a second callback would show up within this time
            } finally {
                bot.stop(); // waits for the replies in flight: nothing can arrive after this
                retryLog.detachAppender(logs);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;

            List<FakeDiscord.Request> callbacks = discord.requests("POST", "/api/v10/interactions/.*/callback");
            Map<String, List<FakeDiscord.Request>> byInteraction = new HashMap<>();
            callbacks.forEach(r -> byInteraction.computeIfAbsent(r.path().split("/")[4], k -> new ArrayList<>()).add(r));
            Map<String, Integer> ok = new HashMap<>();
            count(discord, ok);
            long served500 = callbacks.stream().filter(r -> discord.faultServed(r) == FakeDiscord.CallbackFault.SERVER_ERROR).count();
            long dropped = callbacks.stream().filter(r -> discord.faultServed(r) == FakeDiscord.CallbackFault.DROPPED_CONNECTION).count();
            long retriedByReportbot = logs.list.stream().filter(e -> e.getFormattedMessage().contains("retrying once")).count();
            List<String> unanswered = asked.stream().map(a -> a.path("id").asText()).filter(id -> !ok.containsKey(id)).toList();
            long duplicates = ok.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
            long withoutAnswer = asked.stream().filter(a -> ok.containsKey(a.path("id").asText()))
                    .filter(a -> !answered(discord, a)).count();
            System.out.printf(java.util.Locale.ROOT, "[soak discord faults] interactions=%d faults=500:%d dropped:%d"
                            + " retried_by_reportbot=%d resent_by_okhttp=%d answered=%d unanswered=%d platform_errors_send=%.0f"
                            + " duplicates=%d seconds=%.0f%n", FAULT_INTERACTIONS, served500, dropped, retriedByReportbot,
                    served500 + dropped - retriedByReportbot, ok.size(), unanswered.size(), sendErrors(metrics), duplicates,
                    seconds);

            int planned = FAULT_INTERACTIONS / FAULT_EVERY;
            assertThat(served500 + dropped).as("faults served").isEqualTo(planned);
            assertThat(retriedByReportbot).as("every 500 retried by reportbot").isGreaterThanOrEqualTo(served500);
            assertThat(byInteraction.values()).as("a faulted callback is sent once more, and only once")
                    .allMatch(attempts -> attempts.size() == (attempts.stream().anyMatch(r -> discord.faultServed(r) != null) ? 2 : 1));
            assertThat(unanswered).as("interactions without a successful callback").isEmpty();
            assertThat(sendErrors(metrics)).as("reportbot_platform_errors_total{platform=discord,kind=send}").isZero();
            assertThat(duplicates).as("second answers").isZero();
            assertThat(withoutAnswer).as("callbacks without the answer").isZero();
        }
    }


    private static double sendErrors(Metrics metrics) {
        Counter c = metrics.registry().find("reportbot.platform.errors").tag("platform", "discord").tag("kind", "send").counter();
        return c == null ? 0 : c.count();
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

    /** Successful (HTTP 200) callbacks per interaction id; 429s and injected faults are not counted. */
    private static void count(FakeDiscord discord, Map<String, Integer> out) {
        out.clear();
        for (FakeDiscord.Request r : discord.requests("POST", "/api/v10/interactions/.*/callback")) {
            if (discord.servedNormally(r)) {
                out.merge(r.path().split("/")[4], 1, Integer::sum);
            }
        }
    }

    /** The answer arrived: in the callback itself (type 4 with an embed), or as the edit of a deferred reply. */
    private static boolean answered(FakeDiscord discord, ObjectNode ask) {
        String id = ask.path("id").asText();
        String token = ask.path("token").asText();
        return discord.requests("POST", "/api/v10/interactions/" + id + "/.*/callback").stream()
                .filter(discord::servedNormally)
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
