package io.reportbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalUpdateLedgerTest {
    @TempDir
    Path dir;

    @Test
    void eachUpdateIsClaimedOnce() {
        try (UpdateLedger ledger = UpdateLedger.inMemory()) {
            assertThat(ledger.claim(7)).isTrue();
            assertThat(ledger.claim(7)).isFalse();
            assertThat(ledger.claim(8)).isTrue();
            assertThat(ledger.known(7)).isTrue();
            assertThat(ledger.known(9)).isFalse();
        }
    }

    @Test
    void updatesAnsweredAboveTheConfirmedOffsetAreKnownAfterARestart() {
        Path file = dir.resolve("state/bot.ledger");
        try (UpdateLedger ledger = UpdateLedger.open(file)) {
            for (int id = 10; id <= 15; id++) {
                ledger.claim(id);
            }
            ledger.answered(10);
            ledger.answered(13);
            ledger.answered(14);
            ledger.confirmedBelow(11); // 10 answered and confirmed; 11 and 12 still pending; 13, 14 answered
        }
        try (UpdateLedger restarted = UpdateLedger.open(file)) {
            assertThat(restarted.confirmedOffset()).isEqualTo(11);
            assertThat(restarted.claim(11)).as("pending before the stop: answered now").isTrue();
            assertThat(restarted.claim(12)).isTrue();
            assertThat(restarted.claim(13)).as("answered before the stop").isFalse();
            assertThat(restarted.claim(14)).isFalse();
            assertThat(restarted.claim(15)).isTrue();
        }
    }

    @Test
    void whatAnOffsetConfirmsIsForgottenAndTheFileStaysShort() throws Exception {
        Path file = dir.resolve("bot.ledger");
        try (UpdateLedger ledger = UpdateLedger.open(file)) {
            for (int id = 1; id <= 5_000; id++) {
                ledger.claim(id);
                ledger.answered(id);
                ledger.confirmedBelow(id + 1);
            }
        }
        assertThat(Files.readAllLines(file)).containsExactly("c 5001");
    }

    @Test
    void aTornLastLineFromACrashIsSkipped() throws Exception {
        Path file = dir.resolve("bot.ledger");
        Files.writeString(file, "c 20\na 21\na 23\na 2");
        try (UpdateLedger ledger = UpdateLedger.open(file)) {
            assertThat(ledger.claim(21)).isFalse();
            assertThat(ledger.claim(23)).isFalse();
            assertThat(ledger.claim(22)).isTrue();
            assertThat(ledger.claim(24)).isTrue();
        }
    }

    @Test
    void aFileInUseByAnotherLedgerLeavesThisOneInMemory() {
        Path file = dir.resolve("bot.ledger");
        try (UpdateLedger first = UpdateLedger.open(file); UpdateLedger second = UpdateLedger.open(file)) {
            first.claim(1);
            first.answered(1);
            second.claim(2);
            second.answered(2);
        }
        try (UpdateLedger again = UpdateLedger.open(file)) {
            assertThat(again.claim(1)).as("the first one's record").isFalse();
            assertThat(again.claim(2)).as("the second one kept nothing").isTrue();
        }
    }

    @Test
    void resetForgetsEverything() {
        Path file = dir.resolve("bot.ledger");
        try (UpdateLedger ledger = UpdateLedger.open(file)) {
            ledger.claim(900);
            ledger.answered(900);
            ledger.confirmedBelow(800);
            ledger.reset();
            assertThat(ledger.confirmedOffset()).isZero();
            assertThat(ledger.claim(900)).isTrue();
        }
        try (UpdateLedger restarted = UpdateLedger.open(file)) {
            assertThat(restarted.claim(900)).isTrue();
            assertThat(restarted.confirmedOffset()).isZero();
        }
    }
}
