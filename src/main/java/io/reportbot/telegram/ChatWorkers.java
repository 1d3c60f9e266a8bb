package io.reportbot.telegram;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that answer: one chat's updates run one after another, in the order they came; different chats run in
 * parallel on a pool of {@code parallelism} threads. A chat whose answer waits for Telegram (a slow send, or a 429
 * {@code retry_after} that {@link RetryInterceptor} waits out) does not hold up the others: telegrambots' client
 * waits on a {@code CompletableFuture}, which a {@link ForkJoinPool} notices ({@link ForkJoinPool#managedBlock}), and
 * the pool starts a spare thread for the other chats meanwhile, up to {@link #MAX_SPARE} (as many as the requests
 * OkHttp sends to Telegram at once). The engine's own work, which does not wait, runs on {@code parallelism} threads.
 *
 * <p>Bounded: at most {@code maxQueued} tasks wait at a time; more are refused. Thread-safe.
 */
final class ChatWorkers {
    /** Spare threads the pool may add while others wait for Telegram (OkHttp's requests per host, see HttpClients). */
    static final int MAX_SPARE = 64;

    private final ForkJoinPool pool;
    private final int maxQueued;
    private final Map<String, ArrayDeque<Runnable>> queues = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean accepting = true;

    ChatWorkers(int parallelism, int maxQueued, String name) {
        this.maxQueued = maxQueued;
        AtomicInteger n = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName(name + "-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
        this.pool = new ForkJoinPool(parallelism, factory, null, true, 0, parallelism + MAX_SPARE, 1, null, 30,
                TimeUnit.SECONDS);
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
            pool.execute(() -> drain(chatKey, q));
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
