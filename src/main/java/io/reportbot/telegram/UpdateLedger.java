package io.reportbot.telegram;

import java.nio.file.Path;

/**
 * Which updates this bot has taken on and which it has answered, so that each update is answered once: while the
 * process runs (Telegram sends an update again until a getUpdates offset confirms it) and, with a file, across a
 * crash and restart (an update answered above the last confirmed offset comes again after a restart, and is
 * recognised here instead of being answered a second time).
 *
 * <p>The life of an update: {@link #claim} when it arrives (false: seen before, skip it), {@link #answered} when its
 * answer has gone out, {@link #confirmedBelow} once Telegram was told (by a getUpdates offset) that every update below
 * an id is handled, so that the ledger can forget them. {@link #reset()} forgets everything, for when Telegram's update
 * ids start again lower.
 *
 * <p>Implementations are thread-safe. Two exist: {@link #inMemory()} and {@link #open(Path)} (memory plus an
 * append-only file); a shared store (Redis) can implement the same contract for several processes.
 */
interface UpdateLedger extends AutoCloseable {

    /**
     * Takes on an update.
     *
     * @return true the first time; false when it was claimed before in this process or answered before (per the file)
     */
    boolean claim(int updateId);

    /** True when the update was claimed or answered before (does not claim it). */
    boolean known(int updateId);

    /** The answer to a claimed update has gone out (or it was handled otherwise): it is never answered again. */
    void answered(int updateId);

    /** Telegram has been told that every update below {@code offset} is handled: they will not come again. */
    void confirmedBelow(int offset);

    /** The highest offset {@link #confirmedBelow} was told, or 0 (after a restart: as the file last recorded it). */
    int confirmedOffset();

    /** Forgets every update: Telegram's update ids started again lower, so the old ones mean nothing now. */
    void reset();

    /** Releases the file, if any. The ledger must not be used afterwards. */
    @Override
    void close();

    /** A ledger in memory only: exactly once while the process runs, not across a restart. */
    static UpdateLedger inMemory() {
        return LocalUpdateLedger.memoryOnly();
    }

    /**
     * A ledger in memory backed by an append-only file, so that a restart after a crash knows what was answered.
     * When the file cannot be used (no permission, locked by another process) the ledger says so in a warning and
     * works in memory only: answers go on.
     */
    static UpdateLedger open(Path file) {
        return LocalUpdateLedger.open(file);
    }
}
