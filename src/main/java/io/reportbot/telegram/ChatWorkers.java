package io.reportbot.telegram;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that answer: one chat's updates run one after another, in the order they came; different chats run in
 * parallel on {@code parallelism} threads. A chat whose answer waits before a retry (Telegram asked it to slow down
 * with a 429 {@code retry_after}, or a backoff after a 5xx) does not hold up the others: {@link RetryInterceptor}
 * reports the wait ({@link RetryWaits}), and the pool has one thread more while it lasts, up to {@link #MAX_SPARE}.
 * So at most {@code parallelism} answers are worked on at a time, plus those waiting to retry.
 *
 * <p>Bounded: at most {@code maxQueued} tasks wait at a time; more are refused. Thread-safe.
 */
final class ChatWorkers implements RetryWaits {
    /** Threads the pool may add while calls wait before a retry (OkHttp's requests per host, see HttpClients). */
    static final int MAX_SPARE = 64;

    private final ThreadPoolExecutor pool;
    private final int parallelism;
    /** Calls waiting before a retry; guarded by this. */
    private int waiting;
    private final int maxQueued;
    private final Map<String, ArrayDeque<Runnable>> queues = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean accepting = true;

    ChatWorkers(int parallelism, int maxQueued, String name) {
        this.maxQueued = maxQueued;
        this.parallelism = parallelism;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(parallelism, parallelism, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, name + "-" + n.getAndIncrement());
                    t.setDaemon(true);
                    return t;
                });
    }

    @Override
    public void started() {
        resize(+1);
    }

    @Override
    public void ended() {
        resize(-1);
    }

    /** One thread more (or less) for each call waiting before a retry; queued chats get the new threads at once. */
    private synchronized void resize(int delta) {
        waiting = Math.max(0, waiting + delta);
        int size = parallelism + Math.min(MAX_SPARE, waiting);
        if (pool.isShutdown() || size == pool.getMaximumPoolSize()) {
            return;
        }
        if (size > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(size);
            pool.setCorePoolSize(size);
        } else {
            pool.setCorePoolSize(size);
            pool.setMaximumPoolSize(size);
        }
    }

    /**
     * Queues a task behind the chat's earlier ones.
     *
     * @return false when the workers are full or stopping (the task will not run)
     */
    boolean submit(String chatKey, Runnable task) {
        if (!accepting) {
            return false;
        }
        if (pending.incrementAndGet() > maxQueued) {
            done();
            return false;
        }
        ArrayDeque<Runnable> queue;
        boolean first;
        while (true) {
            queue = queues.computeIfAbsent(chatKey, k -> new ArrayDeque<>());
            synchronized (queue) {
                if (queues.get(chatKey) != queue) {
                    continue; // its last task just finished and removed it: take a new one
                }
                first = queue.isEmpty();
                queue.add(task);
                break;
            }
        }
        if (first) {
            ArrayDeque<Runnable> q = queue;
            try {
                pool.execute(() -> drain(chatKey, q));
            } catch (RejectedExecutionException e) { // stopped meanwhile
                synchronized (q) {
                    q.clear();
                    queues.remove(chatKey, q);
                }
                done();
                return false;
            }
        }
        return true;
    }

    /** Runs the chat's tasks in order; the task at the head of the queue is the one running. */
    private void drain(String chatKey, ArrayDeque<Runnable> queue) {
        while (true) {
            Runnable task;
            synchronized (queue) {
                task = queue.peek();
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                // the task logs its own failures; the chat's next task runs anyway
            } finally {
                done();
            }
            synchronized (queue) {
                queue.poll();
                if (queue.isEmpty()) {
                    queues.remove(chatKey, queue);
                    return;
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                return; // stopping now: the rest stays unrun
            }
        }
    }

    private void done() {
        if (pending.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** Tasks queued or running. */
    int pending() {
        return Math.max(0, pending.get());
    }

    /** Refuses new tasks from now on; those queued still run. */
    void stopAccepting() {
        accepting = false;
    }

    /** Waits until every queued task has run, up to the deadline ({@link System#nanoTime()}); true if they all did. */
    boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        synchronized (idle) {
            while (pending.get() > 0) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    /** Interrupts the tasks running and drops those queued. */
    void shutdownNow() {
        accepting = false;
        pool.shutdownNow();
    }

    /** Lets the threads end once idle. */
    void shutdown() {
        accepting = false;
        pool.shutdown();
    }
}
