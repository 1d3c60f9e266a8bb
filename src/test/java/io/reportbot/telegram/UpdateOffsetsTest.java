package io.reportbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class UpdateOffsetsTest {
    private final UpdateOffsets offsets = new UpdateOffsets(UpdateLedger.inMemory());

    private static Update update(int id) {
        Update u = new Update();
        u.setUpdateId(id);
        return u;
    }

    @Test
    void beforeAnyUpdateTheOffsetIsZero() {
        assertThat(offsets.nextOffset()).isZero();
        assertThat(offsets.holding()).isFalse();
    }

    @Test
    void theOffsetNeverPassesAnUnfinishedUpdate() {
        for (int id = 5; id <= 8; id++) {
            assertThat(offsets.take(id)).isTrue();
            offsets.started(id);
        }
        offsets.finished(5, true);
        offsets.finished(7, true);
        assertThat(offsets.nextOffset()).isEqualTo(6);
        assertThat(offsets.holding()).isTrue();
        offsets.finished(6, true);
        offsets.finished(8, false); // cut short by a shutdown: stays unconfirmed
        assertThat(offsets.nextOffset()).isEqualTo(8);
    }

    @Test
    void repeatsAreNotTakenTwice() {
        assertThat(offsets.take(3)).isTrue();
        assertThat(offsets.take(3)).isFalse();
    }

    @Test
    void unreadableUpdatesAreSkippedByLaterOffsets() {
        offsets.take(3);
        offsets.skip(4);
        assertThat(offsets.nextOffset()).isEqualTo(5);
    }

    @Test
    void idsStartingAgainLowerAreFollowed() {
        offsets.take(900_000);
        offsets.confirmed(900_001);
        assertThat(offsets.restartedLower(900_001, List.of(update(12), update(13)))).hasValue(12);
        assertThat(offsets.take(12)).isTrue();
        assertThat(offsets.take(13)).isTrue();
        assertThat(offsets.nextOffset()).isEqualTo(14);
    }

    @Test
    void aRepeatBelowTheOffsetIsNotARestart() {
        offsets.take(50);
        offsets.confirmed(51);
        assertThat(offsets.restartedLower(51, List.of(update(50)))).isEmpty();
        assertThat(offsets.nextOffset()).isEqualTo(51);
    }
}
