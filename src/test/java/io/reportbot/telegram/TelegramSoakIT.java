package io.reportbot.telegram;

import io.reportbot.adapter.ScriptedEngine;
import static io.reportbot.telegram.FakeBotApi.await;
import static io.reportbot.telegram.FakeBotApi.privateMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.telegram.FakeBotApi.Call;
import io.reportbot.telegram.FakeBotApi.Fault;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A soak of the Telegram path: the real {@link TelegramBot} (telegrambots long polling, OkHttp, retries) against
 * {@link FakeBotApi}, with thousands of updates from hundreds of chats in batches, 429s (with retry_after), 500s and
 * dropped connections on getUpdates and on sendMessage. The fake hands out every update again until a getUpdates
 * offset confirms it, as Telegram does, so the bot sees thousands of repeats while answers are pending. Every update
 * must get exactly one answer: none lost, none doubled; in the end every update is confirmed. Heap before and after
 * must stay flat (the "after" includes the fake's record of every call).
 *
 * <p>Seeded ({@code -Dsoak.seed=N}); prints one line of figures for the README.
 */
class TelegramSoakIT {
    static final String TOKEN = TelegramBotIT.TOKEN;
    static final int UPDATES = 3_000;
    static final int CHATS = 300;
    static final long FIRST_CHAT = 880_000;
    static final int SEND_429 = 24;
    static final int SEND_500 = 40;
    static final int SEND_DROP = 30;
    static final int POLL_FAULTS_EACH = 4;
    /** Generous: the bot's own state is small and bounded; this catches a leak per update, not noise. */
    static final long HEAP_GROWTH_CAP_MB = 64;

    /** One question: where it was asked and the message it was. */
    private record Asked(int updateId, long chatId, int messageId) {
    }

    @Test
    void everyUpdateGetsExactlyOneAnswerThroughFaultsAndRedeliveries() throws Exception {
        long seed = Long.getLong("soak.seed", 6L);
        SplittableRandom random = new SplittableRandom(seed);
        try (FakeBotApi api = new FakeBotApi(TOKEN)) {
            TelegramSettings base = TelegramBotIT.settings(api).withChatQuestionsPerMinute(1_000);
            TelegramSettings settings = base.withWorkers(8).withUserQuestionsPerMinute(1_000)
                    .withShutdownGrace(Duration.ofSeconds(10));
            api.redeliverUntilConfirmed(); // as Telegram: what no offset confirmed comes again with the next poll
            TelegramBot bot = TelegramBot.create(new ScriptedEngine(), settings);
            bot.start();
            try {
                long heapBefore = heapUsedMb();
                long t0 = System.nanoTime();

                List<Asked> asked = new ArrayList<>();
                List<String> updates = new ArrayList<>();
                int[] nextMessage = new int[CHATS];
                for (int n = 0; n < UPDATES; n++) {
                    int chat = random.nextInt(CHATS);
                    int updateId = 10_000 + n;
                    int messageId = 1 + nextMessage[chat]++;
                    long chatId = FIRST_CHAT + chat;
                    asked.add(new Asked(updateId, chatId, messageId));
                    updates.add(privateMessage(updateId, chatId, messageId, n % 2 == 0 ? "de" : "en", question(random, n)));
                }
                planSendFaults(api, asked, random);

                int sent = 0;
                int batches = 0;
                int pollFaults = 0;
                while (sent < updates.size()) {
                    int size = Math.min(updates.size() - sent, 1 + random.nextInt(100));
                    List<String> batch = new ArrayList<>(updates.subList(sent, sent + size));
                    sent += size;
                    api.deliver(batch.toArray(String[]::new));
                    // at least 30 batches (of at most 100), so every other one of the first 24 plans all poll faults
                    if (batches % 2 == 1 && pollFaults < POLL_FAULTS_EACH * 3) {
                        Fault f = switch (pollFaults++ % 3) {
                            case 0 -> Fault.serverError();
                            case 1 -> Fault.dropConnection();
                            default -> Fault.tooManyRequests(1);
                        };
                        api.failNext("getUpdates", b -> true, f);
                    }
                    batches++;
                    Thread.sleep(random.nextInt(15));
                }

                Map<String, Integer> answers = new HashMap<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                do { // checking is not free with thousands of calls recorded: every 200 ms is enough
                    Thread.sleep(200);
                    answersPerQuestion(api, answers);
                } while (answers.size() < UPDATES && System.nanoTime() < deadline);

                await("answers finished", Duration.ofSeconds(10), () -> bot.inFlight() == 0);
                await("every update confirmed", Duration.ofSeconds(10), () -> api.unconfirmed() == 0);
                Thread.sleep(500); // a doubled answer would show up within this time
                answersPerQuestion(api, answers);
                double seconds = (System.nanoTime() - t0) / 1e9;

                long lost = asked.stream().filter(a -> !answers.containsKey(key(a.chatId(), a.messageId()))).count();
                long duplicates = answers.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
                long strays = api.calls("sendMessage").stream().filter(c -> c.status() == 200
                        && !c.body().path("reply_parameters").has("message_id")).count();
                long heapAfter = heapUsedMb();
                System.out.printf(java.util.Locale.ROOT, "[soak telegram] seed=%d updates=%d chats=%d batches=%d"
                                + " redelivered=%d faults=%s lost=%d duplicates=%d heap_mb=%d->%d seconds=%.0f%n", seed,
                        UPDATES, CHATS, batches, api.redelivered(), faults(api), lost, duplicates,
                        heapBefore, heapAfter, seconds);

                assertThat(lost).as("updates without an answer").isZero();
                assertThat(duplicates).as("answers sent twice").isZero();
                assertThat(strays).as("messages that answer nothing").isZero();
                assertThat(answers).hasSize(UPDATES);
                assertThat(faultCount(api, "sendMessage", 429)).isEqualTo(SEND_429);
                assertThat(faultCount(api, "sendMessage", 500)).isEqualTo(SEND_500);
                assertThat(faultCount(api, "sendMessage", 0)).isEqualTo(SEND_DROP);
                assertThat(faultCount(api, "getUpdates", 500) + faultCount(api, "getUpdates", 0)
                        + faultCount(api, "getUpdates", 429)).isEqualTo(POLL_FAULTS_EACH * 3);
                assertThat(heapAfter - heapBefore).as("heap growth in MB").isLessThan(HEAP_GROWTH_CAP_MB);
            } finally {
                bot.stop();
            }
        }
    }

    /** Faults on the first attempt to answer some updates; some get two faults in a row (retried twice). */
    private static void planSendFaults(FakeBotApi api, List<Asked> asked, SplittableRandom random) {
        List<Asked> shuffled = new ArrayList<>(asked);
        java.util.Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
        int i = 0;
        for (int n = 0; n < SEND_429; n++) {
            plan(api, shuffled.get(i++), Fault.tooManyRequests(1));
        }
        for (int n = 0; n < SEND_500; n++) {
            Asked a = shuffled.get(i++);
            plan(api, a, Fault.serverError());
            if (n < SEND_DROP) {
                plan(api, a, Fault.dropConnection()); // then the retry drops too, and the third attempt goes through
            }
        }
    }

    private static void plan(FakeBotApi api, Asked a, Fault fault) {
        api.failNext("sendMessage", b -> b.path("chat_id").asLong() == a.chatId()
                && b.path("reply_parameters").path("message_id").asInt() == a.messageId(), fault);
    }

    private static String question(SplittableRandom random, int n) {
        return switch (random.nextInt(6)) {
            case 0 -> "Wie viele Einhörner gibt es?";
            case 1 -> "How many unicorns are there?";
            case 2 -> "Frage " + n + " über KI 🤖";
            case 3 -> "كم عدد الشركات؟ " + n;
            case 4 -> "<b>question</b> & {{7*7}} " + n;
            default -> "Was ist mit " + n + "?";
        };
    }

    /** Successful sendMessage calls per question they reply to (chat and message id). */
    private static void answersPerQuestion(FakeBotApi api, Map<String, Integer> out) {
        out.clear();
        for (Call c : api.calls("sendMessage")) {
            if (c.status() == 200 && c.body().path("reply_parameters").has("message_id")) {
                out.merge(key(c.chatId(), c.body().path("reply_parameters").path("message_id").asInt()), 1, Integer::sum);
            }
        }
    }

    private static String key(long chatId, int messageId) {
        return chatId + "/" + messageId;
    }

    private static long faultCount(FakeBotApi api, String method, int status) {
        return api.calls(method).stream().filter(c -> c.status() == status).count();
    }

    private static String faults(FakeBotApi api) {
        return "429:" + (faultCount(api, "sendMessage", 429) + faultCount(api, "getUpdates", 429))
                + ",500:" + (faultCount(api, "sendMessage", 500) + faultCount(api, "getUpdates", 500))
                + ",drop:" + (faultCount(api, "sendMessage", 0) + faultCount(api, "getUpdates", 0));
    }

    /** Heap in use after a full collection, in MB. */
    static long heapUsedMb() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }
}
