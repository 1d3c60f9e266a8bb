package io.reportbot.cli;

import io.reportbot.engine.Conversations;
import io.reportbot.engine.Engine;
import io.reportbot.engine.EngineSettings;
import io.reportbot.engine.Inbound;
import io.reportbot.state.ContextStore;
import io.reportbot.state.SharedState;
import io.reportbot.state.StateListener;
import io.reportbot.state.StateSettings;
import io.reportbot.state.StateStores;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * What shared state in Redis adds to each answer: the same questions answered with context in this process and in
 * Redis, each Redis answer also claiming and marking its update in the ledger as a Telegram replica does (4 commands:
 * claim, context read, context write, mark answered; the answer waits for 3 of them, the context write being sent
 * without waiting and confirmed by the mark). Prints percentiles of both, of the Redis work alone, and the commands
 * Redis counted per answer.
 */
final class StateBench {

    private StateBench() {
    }

    static void run(PrintWriter out, String redisUrl, EngineOptions engineOptions, List<String> questions, int warmup,
                    int iterations) {
        Engine local = engineOptions.build(EngineSettings.fromEnvironment(System.getenv()));
        long t0 = System.nanoTime();
        try (SharedState state = StateStores.open(StateSettings.redis(redisUrl), StateListener.NONE)) {
            out.printf(Locale.ROOT, "opening the Redis state (Lettuce, Netty; first in this JVM): %.0f ms%n",
                    (System.nanoTime() - t0) / 1e6);
            if (!state.available()) {
                out.println("shared state: " + StateSettings.redis(redisUrl).describe() + " does not answer; skipped");
                return;
            }
            CountedWrites contexts = new CountedWrites(state.contexts());
            Engine shared = engineOptions.build(EngineSettings.fromEnvironment(System.getenv()),
                    new Conversations(contexts));
            String run = "bench:" + System.nanoTime() + ":";
            for (int i = 0; i < warmup; i++) {
                String q = questions.get(i % questions.size());
                local.answer(Inbound.of(q, "bench", "bench"));
                answerAsReplica(shared, state, run + "w" + i, q);
            }
            long[] inProcess = new long[iterations];
            long[] redis = new long[iterations];
            long[] redisOnly = new long[iterations];
            for (int i = 0; i < iterations; i++) {
                String q = questions.get(i % questions.size());
                long s = System.nanoTime();
                local.answer(Inbound.of(q, "bench", "bench"));
                inProcess[i] = System.nanoTime() - s;
                s = System.nanoTime();
                answerAsReplica(shared, state, run + i, q);
                redis[i] = System.nanoTime() - s;
                s = System.nanoTime();
                String k = run + "o" + i;
                state.ledger().claim(k);
                state.contexts().get(k, Conversations.Context.class);
                state.contexts().put(k, new Conversations.Context(List.of("bench"), io.reportbot.core.Language.EN));
                state.ledger().markAnswered(k);
                redisOnly[i] = System.nanoTime() - s;
            }
            long writesBefore = contexts.writes.sum();
            double commands = commandsPerAnswer(redisUrl, shared, state, questions, run);
            double writes = (contexts.writes.sum() - writesBefore) / 1_000.0;
            Arrays.sort(inProcess);
            Arrays.sort(redis);
            Arrays.sort(redisOnly);
            out.printf(Locale.ROOT, "shared state: %s, %d answers after %d warm-up, one thread%n",
                    StateSettings.redis(redisUrl).describe(), iterations, warmup);
            line(out, "answer, context in process:  ", inProcess);
            line(out, "answer, context + ledger in Redis:", redis);
            line(out, "the 4 Redis commands alone:", redisOnly);
            out.printf(Locale.ROOT, "Redis commands per answer (Redis's own count, so other clients of this Redis add to"
                    + " it): %.2f; the answer waits for %.2f of them (claim, context read, mark answered; %.2f context"
                    + " writes are sent without waiting)%n", commands, commands - writes, writes);
            out.printf(Locale.ROOT, "added per answer (p50 / p99): %.3f / %.3f ms%n",
                    pct(redis, 50) - pct(inProcess, 50), pct(redis, 99) - pct(inProcess, 99));
            out.flush();
        }
    }

    private static void answerAsReplica(Engine engine, SharedState state, String key, String question) {
        state.ledger().claim(key);
        engine.answer(Inbound.of(question, "bench-shared", "bench"));
        state.ledger().markAnswered(key);
    }

    /** A context store that counts the writes, which the answer does not wait for. */
    private record CountedWrites(ContextStore store, LongAdder writes) implements ContextStore {
        CountedWrites(ContextStore store) {
            this(store, new LongAdder());
        }

        @Override
        public <T> java.util.Optional<T> get(String conversationKey, Class<T> type) {
            return store.get(conversationKey, type);
        }

        @Override
        public void put(String conversationKey, Object value) {
            writes.increment();
            store.put(conversationKey, value);
        }

        @Override
        public long size() {
            return store.size();
        }
    }

    /** What Redis itself counted over 1,000 answers, less this count's own INFO command, the flush and the pings. */
    private static double commandsPerAnswer(String redisUrl, Engine shared, SharedState state, List<String> questions,
                                            String run) {
        int n = 1_000;
        long before = processed(redisUrl);
        if (before < 0) {
            return Double.NaN;
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            answerAsReplica(shared, state, run + "n" + i, questions.get(i % questions.size()));
        }
        long pings = (System.nanoTime() - t0) / 1_000_000_000L + 1; // the link's check, once a second
        state.ledger().claim(run + "flush"); // waits for the last context write, so that it is counted
        return (processed(redisUrl) - before - 1 - 1 - pings) / (double) n;
    }

    /** {@code total_commands_processed} from {@code INFO stats} (a plain socket: Lettuce stays in the state package). */
    private static long processed(String redisUrl) {
        java.net.URI uri = java.net.URI.create(redisUrl);
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 2_000);
            s.setSoTimeout(2_000);
            java.io.OutputStream out = s.getOutputStream();
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            String user = uri.getUserInfo();
            if (user != null) {
                String password = user.substring(user.indexOf(':') + 1);
                out.write(resp("AUTH", password));
                in.readLine();
            }
            out.write(resp("INFO", "stats"));
            out.flush();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.startsWith("total_commands_processed:")) {
                    return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return -1;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static byte[] resp(String... words) {
        StringBuilder b = new StringBuilder("*").append(words.length).append("\r\n");
        for (String w : words) {
            b.append('$').append(w.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).append("\r\n").append(w)
                    .append("\r\n");
        }
        return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void line(PrintWriter out, String what, long[] sorted) {
        out.printf(Locale.ROOT, "  %-34s p50 %.3f  p90 %.3f  p99 %.3f  max %.3f ms%n", what, pct(sorted, 50),
                pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
