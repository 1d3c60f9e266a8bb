package io.reportbot.telegram;

import io.reportbot.adapter.ScriptedEngine;
import static io.reportbot.telegram.FakeBotApi.await;
import static io.reportbot.telegram.FakeBotApi.privateMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.engine.Inbound;
import io.reportbot.engine.Reply;
import io.reportbot.telegram.FakeBotApi.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shutdown under load: while answers are in flight, {@link TelegramBot#stop()} must not lose an update. Each one is
 * either answered before the bot exits, or not confirmed to Telegram: no getUpdates offset the fake saw passes it,
 * so Telegram delivers it again after a restart. The second test then restarts a bot against the same fake (which,
 * like Telegram, hands out again whatever no offset confirmed) and checks that every update ends up answered exactly
 * once. (TelegramBotIT covers a single answer in flight.)
 */
class TelegramShutdownIT {
    static final int UPDATES = 200;
    static final int CHATS = 20;
    static final long FIRST_CHAT = 990_000;

    /** An engine whose answers wait for permits, so the test decides how many finish before and during the stop. */
    private static final class GatedEngine extends ScriptedEngine {
        final Semaphore permits = new Semaphore(0);
        final AtomicInteger started = new AtomicInteger();

        @Override
        public Reply answer(Inbound inbound) {
            started.incrementAndGet();
            try {
                if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("no permit");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted by the shutdown");
            }
            return super.answer(inbound);
        }
    }

    @Test
    void aStopWithAnswersQueuedSendsThemAllAndThenConfirms() throws Exception {
        GatedEngine engine = new GatedEngine();
        try (FakeBotApi api = new FakeBotApi(TelegramBotIT.TOKEN)) {
            TelegramBot bot = TelegramBot.create(engine, settings(api, Duration.ofSeconds(20)));
            bot.start();
            deliverAll(api, 1);
            engine.permits.release(UPDATES / 4);
            await("a quarter answered", Duration.ofSeconds(10), () -> answered(api).size() >= UPDATES / 4);
            await("the rest received", Duration.ofSeconds(10), () -> bot.inFlight() == UPDATES - UPDATES / 4);

            Thread stopper = new Thread(bot::stop, "stopper");
            stopper.start();
            Thread.sleep(300);
            assertThat(stopper.isAlive()).as("stop waits for the answers in flight").isTrue();
            engine.permits.release(UPDATES);
            stopper.join(20_000);
            assertThat(stopper.isAlive()).isFalse();

            Set<Integer> answered = answered(api);
            assertThat(answered).hasSize(UPDATES);
            assertThat(api.calls("sendMessage").stream().filter(c -> c.status() == 200)).hasSize(UPDATES);
            Call confirm = lastGetUpdates(api);
            assertThat(confirm.body().path("offset").asInt()).as("the last offset confirms them all")
                    .isEqualTo(1 + UPDATES);
            report("answered-in-grace", api, answered);
        }
    }

    @Test
    void withoutALedgerARestartAnswersAgainOnlyWhatWasAnsweredAboveTheConfirmedOffset() throws Exception {
        Set<Integer> twice = restartAfterTheGraceEnds(Optional.empty());
        System.out.printf(java.util.Locale.ROOT, "[shutdown telegram] without ledger: answered_twice=%d of %d%n",
                twice.size(), UPDATES);
    }

    @Test
    void withTheLedgerARestartAnswersEachUpdateExactlyOnce(@TempDir Path dir) throws Exception {
        Set<Integer> twice = restartAfterTheGraceEnds(Optional.of(dir.resolve("telegram.ledger")));
        System.out.printf(java.util.Locale.ROOT, "[shutdown telegram] with ledger: answered_twice=%d of %d%n",
                twice.size(), UPDATES);
        assertThat(twice).as("answered twice").isEmpty();
    }

    /**
     * Stops a bot whose grace ends with most answers pending, restarts one against the same fake (and ledger, if
     * any) and returns the updates answered twice.
     */
    private static Set<Integer> restartAfterTheGraceEnds(Optional<Path> ledger) throws Exception {
        GatedEngine engine = new GatedEngine();
        try (FakeBotApi api = new FakeBotApi(TelegramBotIT.TOKEN)) {
            api.redeliverUntilConfirmed();
            TelegramBot bot = TelegramBot.create(engine, withLedger(settings(api, Duration.ofSeconds(1)), ledger));
            bot.start();
            deliverAll(api, 1);
            engine.permits.release(UPDATES / 4);
            await("a quarter answered", Duration.ofSeconds(10), () -> answered(api).size() >= UPDATES / 4);
            // like Telegram, the fake sends at most 100 updates past the oldest unconfirmed one: not all are received
            await("more received, waiting", Duration.ofSeconds(10), () -> bot.inFlight() >= UPDATES / 4);

            bot.stop(); // the grace (1 s) ends with most answers not even started

            Set<Integer> answered = answered(api);
            Set<Integer> lost = new TreeSet<>();
            int highestOffset = api.calls("getUpdates").stream().mapToInt(c -> c.body().path("offset").asInt())
                    .max().orElse(0);
            for (int id = 1; id <= UPDATES; id++) {
                if (!answered.contains(id) && highestOffset > id) {
                    lost.add(id); // confirmed to Telegram, so never delivered again, and never answered either
                }
            }
            report("grace-expired", api, answered);
            assertThat(answered.size()).as("some answered, not all").isBetween(UPDATES / 4, UPDATES - 1);
            assertThat(lost).as("updates confirmed to Telegram but never answered (highest offset %d)", highestOffset)
                    .isEmpty();

            // a restart: Telegram delivers again everything from the first unconfirmed update on. That includes updates
            // the first bot answered out of order (another chat's answer finished first): one offset cannot skip them,
            // so those, and only those, are answered a second time (at least once, never lost)
            int confirmedBelow = highestOffset;
            Set<Integer> mayRepeat = new TreeSet<>(answered.stream().filter(id -> id >= confirmedBelow).toList());
            TelegramBot restarted = TelegramBot.create(new ScriptedEngine(),
                    withLedger(settings(api, Duration.ofSeconds(5)), ledger));
            restarted.start();
            try {
                await("every update answered after the restart", Duration.ofSeconds(20),
                        () -> answered(api).size() == UPDATES);
                await("every update confirmed", Duration.ofSeconds(10), () -> api.unconfirmed() == 0);
            } finally {
                restarted.stop();
            }
            java.util.Map<Integer, Long> answers = api.calls("sendMessage").stream().filter(c -> c.status() == 200)
                    .collect(java.util.stream.Collectors.groupingBy(
                            c -> c.body().path("reply_parameters").path("message_id").asInt(),
                            java.util.TreeMap::new, java.util.stream.Collectors.counting()));
            Set<Integer> twice = new TreeSet<>(answers.entrySet().stream().filter(e -> e.getValue() > 1)
                    .map(java.util.Map.Entry::getKey).toList());
            report("after-restart", api, answered(api));
            System.out.printf(java.util.Locale.ROOT, "[shutdown telegram] restart lost=0 answered_twice=%d"
                    + " (answered before the stop, above the confirmed offset %d: %d)%n", twice.size(), confirmedBelow,
                    mayRepeat.size());
            assertThat(answers).as("every update answered").hasSize(UPDATES);
            assertThat(answers.values()).as("at most twice").allMatch(n -> n <= 2);
            assertThat(mayRepeat).as("only updates answered above the confirmed offset come again").containsAll(twice);
            return twice;
        }
    }

    private static TelegramSettings withLedger(TelegramSettings s, Optional<Path> ledger) {
        return ledger.map(s::withLedgerFile).orElse(s);
    }

    private static TelegramSettings settings(FakeBotApi api, Duration grace) {
        TelegramSettings s = TelegramBotIT.settings(api).withChatQuestionsPerMinute(1_000);
        return s.withWorkers(4).withUserQuestionsPerMinute(1_000).withShutdownGrace(grace);
    }

    /** Update ids 1..UPDATES, message id = update id, spread over the chats, in batches of 50. */
    private static void deliverAll(FakeBotApi api, int firstId) {
        List<String> batch = new ArrayList<>();
        for (int id = firstId; id < firstId + UPDATES; id++) {
            batch.add(privateMessage(id, FIRST_CHAT + id % CHATS, id, "de", "Wie viele Einhörner?"));
            if (batch.size() == 50) {
                api.deliver(batch.toArray(String[]::new));
                batch.clear();
            }
        }
    }

    /** The update ids with a successful answer (the message id of each update is its update id). */
    private static Set<Integer> answered(FakeBotApi api) {
        Set<Integer> ids = new TreeSet<>();
        for (Call c : api.calls("sendMessage")) {
            if (c.status() == 200) {
                ids.add(c.body().path("reply_parameters").path("message_id").asInt());
            }
        }
        return ids;
    }

    private static Call lastGetUpdates(FakeBotApi api) {
        List<Call> polls = api.calls("getUpdates");
        return polls.get(polls.size() - 1);
    }

    private static void report(String what, FakeBotApi api, Set<Integer> answered) {
        System.out.printf(java.util.Locale.ROOT, "[shutdown telegram] %s updates=%d answered=%d offsets=%s%n", what,
                UPDATES, answered.size(), api.calls("getUpdates").stream().map(c -> c.body().path("offset").asText())
                        .distinct().toList());
    }
}
