package io.reportbot.telegram;

import static io.reportbot.telegram.FakeBotApi.await;
import static io.reportbot.telegram.FakeBotApi.privateMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.cli.ReportbotProcess;
import io.reportbot.telegram.FakeBotApi.Call;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reportbot telegram} killed with SIGKILL in the middle of 200 updates, then started again against the same
 * fake (which, like Telegram, hands out again whatever no getUpdates offset confirmed). With the update ledger file,
 * updates answered above the confirmed offset before the crash are recognised after the restart: every update is
 * answered, and none twice but those whose answer had reached Telegram without the bot having learnt so yet when it
 * died (no process can tell those from answers that never left). Without it
 * (measured for comparison) those updates are answered again.
 */
class TelegramCrashIT {
    static final int UPDATES = 200;
    static final int CHATS = 20;
    static final long FIRST_CHAT = 880_000;

    @Test
    void withTheLedgerACrashAndRestartAnswersEachUpdateOnce(@TempDir Path dir) throws Exception {
        Result r = crashAndRestart(dir.resolve("bot.ledger").toString());
        System.out.printf(Locale.ROOT, "[crash telegram] ledger=on answered_before_kill=%d answered_twice=%d"
                + " sent_but_not_yet_recorded_at_kill=%d%n", r.beforeKill(), r.twice().size(), r.inFlightAtKill().size());
        assertThat(r.inFlightAtKill()).as("only an answer whose arrival the bot had not yet learnt may come twice")
                .containsAll(r.twice());
    }

    @Test
    void withoutTheLedgerUpdatesAnsweredAboveTheConfirmedOffsetComeTwice() throws Exception {
        Result r = crashAndRestart("off");
        System.out.printf(Locale.ROOT, "[crash telegram] ledger=off answered_before_kill=%d answered_twice=%d%n",
                r.beforeKill(), r.twice().size());
    }

    record Result(int beforeKill, Set<Integer> twice, Set<Integer> inFlightAtKill) {
    }

    private static Result crashAndRestart(String ledger) throws Exception {
        try (FakeBotApi api = new FakeBotApi(TelegramBotIT.TOKEN)) {
            api.redeliverUntilConfirmed();
            api.respondAfter("sendChatAction", Duration.ofMillis(40)); // most of an answer's time is before its send
            Map<String, String> env = new HashMap<>();
            env.put("TELEGRAM_BOT_TOKEN", TelegramBotIT.TOKEN);
            env.put("TELEGRAM_API_URL", api.url().toString());
            env.put("TELEGRAM_LEDGER_FILE", ledger);
            ReportbotProcess first = ReportbotProcess.start(List.of("telegram"), env);
            int beforeKill;
            Set<Integer> inFlight = new TreeSet<>();
            try {
                await("start-up", Duration.ofSeconds(60), () -> first.stderr().stream()
                        .anyMatch(l -> l.contains("is running (long polling)")));
                deliverAll(api);
                await("some answered", Duration.ofSeconds(30), () -> answers(api).size() >= UPDATES / 3);
                first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no last confirmation
                assertThat(first.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(300); // requests the fake was still serving are recorded now
                beforeKill = answers(api).size();
                // answers Telegram has but the bot had not recorded when it died: it sent them, but had not yet learnt
                // that they arrived (on a loaded machine that takes a while); no process could know those were sent
                Set<Integer> recorded = new TreeSet<>();
                if (!ledger.equals("off")) {
                    for (String line : java.nio.file.Files.readAllLines(Path.of(ledger))) {
                        if (line.startsWith("a ")) {
                            recorded.add(Integer.parseInt(line.substring(2).strip()));
                        }
                    }
                }
                inFlight.addAll(answers(api).keySet());
                inFlight.removeAll(recorded);
            } finally {
                first.process().destroyForcibly();
            }
            ReportbotProcess second = ReportbotProcess.start(List.of("telegram"), env);
            try {
                await("every update answered after the restart", Duration.ofSeconds(60),
                        () -> answers(api).size() == UPDATES);
                await("every update confirmed", Duration.ofSeconds(20), () -> api.unconfirmed() == 0);
                Thread.sleep(300);
                Map<Integer, Long> counts = answers(api);
                Set<Integer> twice = new TreeSet<>(counts.entrySet().stream().filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey).toList());
                if (!twice.isEmpty() && System.getProperty("crash.debug") != null) {
                    System.out.println("twice=" + twice + " lastPerChat=" + inFlight + " ledger="
                            + (ledger.equals("off") ? "" : java.nio.file.Files.readString(Path.of(ledger)).replace('\n', ' ')));
                    api.calls().stream().filter(c -> !c.method().equals("getme")).forEach(c -> System.out.println(
                            c.method() + " " + c.status() + " " + c.body().path("offset").asText("") + " "
                                    + c.body().path("reply_parameters").path("message_id").asText("")));
                    second.stderr().forEach(System.out::println);
                }
                assertThat(counts).hasSize(UPDATES);
                assertThat(counts.values()).allMatch(n -> n <= 2);
                return new Result(beforeKill, twice, inFlight);
            } finally {
                second.sigterm();
                second.process().waitFor(30, TimeUnit.SECONDS);
                second.process().destroyForcibly();
            }
        }
    }

    private static void deliverAll(FakeBotApi api) {
        List<String> batch = new ArrayList<>();
        for (int id = 1; id <= UPDATES; id++) {
            batch.add(privateMessage(id, FIRST_CHAT + id % CHATS, id, "de", "Wie viele Einhörner gibt es?"));
            if (batch.size() == 50) {
                api.deliver(batch.toArray(String[]::new));
                batch.clear();
            }
        }
    }

    /** Successful answers per update id (the message id of each update is its update id). */
    private static Map<Integer, Long> answers(FakeBotApi api) {
        return api.calls("sendMessage").stream().filter(c -> c.status() == 200)
                .collect(Collectors.groupingBy(c -> c.body().path("reply_parameters").path("message_id").asInt(),
                        TreeMap::new, Collectors.counting()));
    }
}
