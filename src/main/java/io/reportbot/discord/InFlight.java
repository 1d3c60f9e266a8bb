package io.reportbot.discord;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the replies being worked on, so that shutdown can stop taking new ones and wait for the rest.
 *
 * <p>Thread-safe. Every successful {@link #tryBegin()} must be matched by one {@link #end()}.
 */
final class InFlight {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int count;
    private boolean closed;

    /** Starts one reply; false once {@link #close()} was called. */
    boolean tryBegin() {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            count++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Ends one reply. */
    void end() {
        lock.lock();
        try {
            count--;
            if (count <= 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Takes no new replies from now on. */
    void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    /** The number of replies being worked on. */
    int count() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no reply is in flight; false when the timeout passed first. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (count > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = idle.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** For tests and logs. */
    @Override
    public String toString() {
        return "InFlight[" + count() + (closed ? ", closed" : "") + "]";
    }
}
