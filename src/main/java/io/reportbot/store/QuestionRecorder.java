package io.reportbot.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes answered questions to the {@link QuestionStore} without ever delaying an answer: {@link #offer} puts a
 * question on a bounded queue and returns at once; one background thread writes the queue in batches. When the queue
 * is full (the database is slow or down) the question is dropped and counted ({@link #dropped()}, shown in
 * {@code /metrics}); a batch that cannot be written is counted the same way and a warning logged at most once a
 * minute. The same thread deletes questions older than the retention once an hour.
 *
 * <p>Thread-safe: {@link #offer} may be called from any thread.
 */
public final class QuestionRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QuestionRecorder.class);
    private static final int BATCH = 256;
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);

    private final QuestionStore store;
    private final BlockingQueue<StoredQuestion> queue;
    private final Duration retention;
    private final Clock clock;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;
    private volatile boolean busy;
    private long lastWarning;
    private Instant nextSweep;

    /**
     * Starts the background writer.
     *
     * @param store     where questions go
     * @param capacity  how many questions may wait (at least 1)
     * @param retention how long questions are kept
     * @param clock     the clock for retention
     */
    public QuestionRecorder(QuestionStore store, int capacity, Duration retention, Clock clock) {
        if (capacity < 1 || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("capacity must be at least 1 and retention positive");
        }
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.retention = retention;
        this.clock = clock;
        this.nextSweep = clock.instant();
        this.writer = new Thread(this::run, "reportbot-store-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues a question for writing; never blocks. Returns false (and counts a drop) when the queue is full. */
    public boolean offer(StoredQuestion question) {
        if (running && queue.offer(question)) {
            return true;
        }
        dropped.incrementAndGet();
        return false;
    }

    /** Questions dropped because the queue was full or the database failed. */
    public long dropped() {
        return dropped.get();
    }

    /** Questions written so far. */
    public long written() {
        return written.get();
    }

    /** Questions waiting to be written. */
    public int queued() {
        return queue.size();
    }

    /** The store written to. */
    public QuestionStore store() {
        return store;
    }

    /** Waits until everything queued so far is written (for tests and shutdown); false on timeout. */
    public boolean flush(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!queue.isEmpty() || busy) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void run() {
        List<StoredQuestion> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                StoredQuestion first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    busy = true;
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    write(batch);
                    batch.clear();
                    busy = false;
                }
                sweepWhenDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                busy = false;
                warn("the question store writer hit a problem: " + e);
            }
        }
    }

    private void write(List<StoredQuestion> batch) {
        try {
            store.insert(batch);
            written.addAndGet(batch.size());
        } catch (StoreException e) {
            dropped.addAndGet(batch.size());
            warn(e.getMessage() + " (" + batch.size() + " questions dropped; answering goes on)");
        }
    }

    private void sweepWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_EVERY);
        try {
            int n = store.deleteBefore(now.minus(retention));
            if (n > 0) {
                LOG.info("question store: deleted {} questions older than {} days", n, retention.toDays());
            }
        } catch (StoreException e) {
            warn(e.getMessage());
        }
    }

    private void warn(String message) {
        long now = System.currentTimeMillis();
        if (now - lastWarning > 60_000) {
            lastWarning = now;
            LOG.warn(message);
        }
    }

    /** Writes what is queued (waiting up to 5 s), stops the writer; the store stays open (its owner closes it). */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            writer.interrupt();
        }
        dropped.addAndGet(queue.size());
        queue.clear();
    }
}
