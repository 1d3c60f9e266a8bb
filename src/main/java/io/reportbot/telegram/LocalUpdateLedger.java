package io.reportbot.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link UpdateLedger} of one process: the updates claimed recently in memory (bounded: the last 100,000, for an
 * hour), and, with a file, the updates answered above the last confirmed offset.
 *
 * <p>The file is a short text file, appended to as answers go out: a line {@code a <update_id>} for an answered update
 * and {@code c <offset>} when Telegram was told an offset. It is rewritten (to a temporary file, then moved over the
 * old one) when it holds many lines the ledger no longer needs. A line is written as soon as the answer is sent, before
 * anything else happens, so it survives the process being killed (even {@code kill -9}); it is not forced to the disk,
 * so a power cut may lose the last lines (then those few updates may be answered twice). A torn last line from a crash
 * is skipped when the file is read. Another process holding the same file (a lock beside it, {@code <file>.lock}) makes
 * this ledger work in memory only, with a warning.
 *
 * <p>Thread-safe.
 */
final class LocalUpdateLedger implements UpdateLedger {
    private static final Logger LOG = LoggerFactory.getLogger(LocalUpdateLedger.class);
    /** Updates above the confirmed offset kept at most; beyond that the oldest are forgotten. */
    static final int MAX_ANSWERED = 100_000;

    private final Cache<Integer, Boolean> claimed = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofHours(1)).build();
    private final ConcurrentSkipListSet<Integer> answeredAbove = new ConcurrentSkipListSet<>();
    private final Path file;
    private volatile int confirmed;
    /** Guarded by this. Null: memory only. */
    private FileChannel out;
    private FileChannel lockChannel;
    private FileLock lock;
    private int lines;

    private LocalUpdateLedger(Path file) {
        this.file = file;
    }

    static LocalUpdateLedger memoryOnly() {
        return new LocalUpdateLedger(null);
    }

    static LocalUpdateLedger open(Path file) {
        LocalUpdateLedger ledger = new LocalUpdateLedger(file);
        ledger.load();
        return ledger;
    }

    private synchronized void load() {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            lockChannel = FileChannel.open(Path.of(file + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                LOG.warn("the update ledger {} is in use by another process; this one keeps its ledger in memory only"
                        + " (updates answered before a crash may then be answered again after a restart)", file);
                lockChannel.close();
                lockChannel = null;
                return;
            }
            int skipped = 0;
            if (Files.exists(file)) {
                List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (String line : all) {
                    if (!read(line.strip())) {
                        skipped++;
                    }
                }
                answeredAbove.headSet(confirmed).clear();
                lines = all.size();
            }
            if (skipped > 0) {
                LOG.info("update ledger {}: {} unreadable line(s) skipped (a crash while writing)", file, skipped);
            }
            out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            if (skipped > 0 || lines > 0) {
                compact();
            }
            LOG.info("update ledger {}: {} update(s) answered above offset {} before the last stop", file,
                    answeredAbove.size(), confirmed);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot use the update ledger {} ({}); keeping it in memory only", file, e.toString());
            closeQuietly();
        }
    }

    /** One line of the file; false when it is not a ledger line. */
    private boolean read(String line) {
        if (line.isEmpty()) {
            return true;
        }
        if (!line.matches("[ac] -?[0-9]{1,10}")) {
            return false;
        }
        long n = Long.parseLong(line.substring(2));
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            return false;
        }
        if (line.charAt(0) == 'a') {
            answeredAbove.add((int) n);
        } else {
            confirmed = Math.max(confirmed, (int) n);
        }
        return true;
    }

    @Override
    public boolean claim(int updateId) {
        if (answeredAbove.contains(updateId)) {
            return false;
        }
        return claimed.asMap().putIfAbsent(updateId, Boolean.TRUE) == null;
    }

    @Override
    public boolean known(int updateId) {
        return answeredAbove.contains(updateId) || claimed.getIfPresent(updateId) != null;
    }

    @Override
    public void answered(int updateId) {
        if (file == null || updateId < confirmed) {
            return; // in memory, the claim already keeps it from coming twice
        }
        answeredAbove.add(updateId);
        while (answeredAbove.size() > MAX_ANSWERED) {
            answeredAbove.pollFirst();
        }
        append("a " + updateId + "\n");
    }

    @Override
    public void confirmedBelow(int offset) {
        synchronized (this) {
            if (offset <= confirmed) {
                return;
            }
            confirmed = offset;
        }
        answeredAbove.headSet(offset).clear();
        if (file != null) {
            append("c " + offset + "\n");
        }
    }

    @Override
    public int confirmedOffset() {
        return confirmed;
    }

    @Override
    public synchronized void reset() {
        claimed.invalidateAll();
        answeredAbove.clear();
        confirmed = 0;
        if (out != null) {
            lines = Integer.MAX_VALUE; // forces the rewrite
            compact();
        }
    }

    /** How many answered updates above the confirmed offset the ledger holds (for tests and logs). */
    int answeredAboveConfirmed() {
        return answeredAbove.size();
    }

    private synchronized void append(String line) {
        if (out == null) {
            return;
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            lines++;
            if (lines > 1_000 + 2 * answeredAbove.size()) {
                compact();
            }
        } catch (IOException e) {
            LOG.warn("cannot write the update ledger {} ({}); keeping it in memory only from now on", file,
                    e.toString());
            closeQuietly();
        }
    }

    /** Rewrites the file with only what is still needed: the confirmed offset and the updates answered above it. */
    private void compact() {
        Path tmp = Path.of(file + ".tmp");
        StringBuilder sb = new StringBuilder("c ").append(confirmed).append('\n');
        for (int id : answeredAbove) {
            sb.append("a ").append(id).append('\n');
        }
        try {
            Files.writeString(tmp, sb, StandardCharsets.US_ASCII);
            out.close();
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            lines = 1 + answeredAbove.size();
        } catch (IOException e) {
            LOG.warn("cannot rewrite the update ledger {} ({}); keeping it in memory only from now on", file,
                    e.toString());
            closeQuietly();
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            compact();
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        out = null;
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        lock = null;
        lockChannel = null;
    }
}
