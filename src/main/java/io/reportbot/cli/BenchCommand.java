package io.reportbot.cli;

import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures the engine in this JVM: start-up to the first answer, per-question latency percentiles after
 * warm-up, throughput on one thread and on all cores, and the heap in use. Run it with the JVM options you
 * deploy with (e.g. {@code -Xmx256m}) to check that they suffice.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the engine: start-up, latency percentiles, throughput, heap.")
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Option(names = "--questions", paramLabel = "FILE", description = "Questions to use, one per line (default: a bundled mix).")
    Path questionsFile;

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up answers (default: ${DEFAULT-VALUE}).")
    int warmup = 20_000;

    @Option(names = "--iterations", paramLabel = "N", description = "Timed answers (default: ${DEFAULT-VALUE}).")
    int iterations = 50_000;

    @Option(names = "--redis", paramLabel = "URL",
            description = "Also measure what shared state in this Redis adds per answer (e.g. redis://127.0.0.1:6379/0).")
    String redisUrl;

    @Override
    public Integer call() throws Exception {
        OptionChecks.atLeast("--iterations", iterations, 1);
        OptionChecks.atLeast("--warmup", warmup, 0);
        if (questionsFile != null) {
            OptionChecks.readableFile("--questions", questionsFile);
        }
        List<String> questions = questions();
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        Engine engine = engineOptions.build();
        long built = System.nanoTime();
        engine.answer(Inbound.of("Wie viele Einhörner?", "bench", "bench"));
        long first = System.nanoTime();
        long firstMillis = System.currentTimeMillis();
        // asked only now: the management classes are no part of reportbot's start-up
        long sinceJvm = firstMillis - ManagementFactory.getRuntimeMXBean().getStartTime();

        for (int i = 0; i < warmup; i++) {
            engine.answer(Inbound.of(questions.get(i % questions.size()), "bench", "bench"));
        }
        long[] nanos = new long[iterations];
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            long s = System.nanoTime();
            engine.answer(Inbound.of(questions.get(i % questions.size()), "bench", "bench"));
            nanos[i] = System.nanoTime() - s;
        }
        double oneThreadSeconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);

        int threads = Runtime.getRuntime().availableProcessors();
        double allCoresQps = parallel(engine, questions, threads, iterations);

        System.gc();
        Runtime rt = Runtime.getRuntime();
        long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);

        out.print(CliText.format("bench.report.questions", questions.size()));
        out.print(CliText.format("bench.report.load", (built - t0) / 1e6));
        out.print(CliText.format("bench.report.first", (first - built) / 1e6));
        out.print(CliText.format("bench.report.jvm_start", sinceJvm));
        out.print(CliText.format("bench.report.latency", pct(nanos, 50), pct(nanos, 90), pct(nanos, 99),
                nanos[nanos.length - 1] / 1e6, iterations, warmup));
        out.print(CliText.format("bench.report.one_thread", iterations / oneThreadSeconds));
        out.print(CliText.format("bench.report.threads", threads, allCoresQps));
        out.print(CliText.format("bench.report.heap", usedMb, rt.maxMemory() / (1024 * 1024)));
        out.flush();
        if (redisUrl != null) {
            StateBench.run(out, redisUrl, engineOptions, questions, Math.min(warmup, 5_000), Math.min(iterations, 20_000));
        }
        return 0;
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static double parallel(Engine engine, List<String> questions, int threads, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int per = total / threads;
            List<Future<?>> fs = new ArrayList<>();
            long s = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < per; i++) {
                        engine.answer(Inbound.of(questions.get((i + offset) % questions.size()), "bench", "bench"));
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            return per * threads / ((System.nanoTime() - s) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> questions() throws IOException {
        List<String> lines;
        if (questionsFile != null) {
            lines = new String(Files.readAllBytes(questionsFile), StandardCharsets.UTF_8).lines().toList();
        } else {
            try (InputStream in = BenchCommand.class.getResourceAsStream("bench-questions.txt");
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                lines = r.lines().toList();
            }
        }
        List<String> qs = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        if (qs.isEmpty()) {
            throw new UsageException(CliText.get("bench.no_questions", questionsFile));
        }
        return qs;
    }
}
