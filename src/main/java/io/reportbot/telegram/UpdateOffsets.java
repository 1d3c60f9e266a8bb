package io.reportbot.telegram;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The bookkeeping of update ids for one bot: which updates came (through the {@link UpdateLedger}, so each is taken on
 * once), which are being answered, and so which getUpdates offset may be sent. An offset confirms every update below
 * it to Telegram, so it never passes an update still being answered: were the bot stopped before answering it,
 * Telegram would not deliver it again.
 *
 * <p>Thread-safe: the poll thread takes updates and asks for offsets while worker threads finish them.
 */
final class UpdateOffsets implements AutoCloseable {
    private final UpdateLedger ledger;
    /** The highest update id received, or -1. */
    private final AtomicLong last = new AtomicLong(-1);
    /** Updates taken on and not finished. */
    private final ConcurrentSkipListSet<Integer> unfinished = new ConcurrentSkipListSet<>();

    UpdateOffsets(UpdateLedger ledger) {
        this.ledger = ledger;
    }

    /** Takes on an update: true the first time, false for a repeat (seen before, or answered before a restart). */
    boolean take(int updateId) {
        if (!ledger.claim(updateId)) {
            return false;
        }
        last.accumulateAndGet(updateId, Math::max);
        return true;
    }

    /** An update that could not be read: nothing to answer, but later offsets may pass it. */
    void skip(int updateId) {
        last.accumulateAndGet(updateId, Math::max);
    }

    /** The update is handed to a worker: no offset passes it until {@link #finished} or a restart. */
    void started(int updateId) {
        unfinished.add(updateId);
    }

    /**
     * The work on an update is over.
     *
     * @param handled true when it is done with (answered, or failed in a way that would fail again); false when it was
     *                cut short by a shutdown and must come again: then it stays unfinished, and is not confirmed
     */
    void finished(int updateId, boolean handled) {
        if (handled) {
            ledger.answered(updateId);
            unfinished.remove(updateId);
        }
    }

    /** True while the update is taken on and its work is not over. */
    boolean isUnfinished(int updateId) {
        return unfinished.contains(updateId);
    }

    /** The update never reached a worker (the workers were full or stopping). */
    void dropped(int updateId) {
        unfinished.remove(updateId);
    }

    /** The offset for the next getUpdates: one past the newest update, or the oldest unfinished one if lower. */
    int nextOffset() {
        long l = last.get();
        int next = l < 0 ? 0 : (int) l + 1;
        Integer oldest = unfinished.ceiling(Integer.MIN_VALUE);
        return oldest == null ? next : Math.min(next, oldest);
    }

    /** True while an update already received is unfinished (the next poll would get it again at once). */
    boolean holding() {
        long l = last.get();
        return l >= 0 && nextOffset() <= l;
    }

    /** True when any update was received since the start. */
    boolean receivedAny() {
        return last.get() >= 0;
    }

    /** Updates taken on and not finished. */
    int unfinishedCount() {
        return unfinished.size();
    }

    /** Telegram accepted a getUpdates with this offset: every update below it is confirmed. */
    void confirmed(int offset) {
        if (offset > 0) {
            ledger.confirmedBelow(offset);
        }
    }

    /**
     * Checks a batch for update ids that started again lower: an update below the offset Telegram was last asked for,
     * never seen before. If so, forgets the old ids (the ledger too) and follows the new ones.
     *
     * @param offset the offset of the getUpdates that returned the batch (0 for a webhook)
     * @return the first lower update id, when the ids started again
     */
    OptionalInt restartedLower(int offset, List<Update> updates) {
        int floor = Math.max(offset, ledger.confirmedOffset());
        OptionalInt lower = updates.stream().mapToInt(Update::getUpdateId)
                .filter(id -> id < floor && !ledger.known(id)).findFirst();
        if (lower.isPresent()) {
            ledger.reset();
            last.set(updates.stream().mapToInt(Update::getUpdateId).max().orElseThrow());
        }
        return lower;
    }

    /** The offset below which Telegram was last told every update is handled (0 if none). */
    int confirmedOffset() {
        return ledger.confirmedOffset();
    }

    @Override
    public void close() {
        ledger.close();
    }
}
