package io.reportbot.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH benchmark of {@link Engine#answer}: the bundled engine answering the same mixed set of questions that
 * {@code reportbot bench} uses (both languages, typos, follow-ups, claims, out-of-scope), one after the other
 * in one conversation per thread. Not a test: run it with
 * <pre>
 * mvn -B -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath io.reportbot.engine.EngineAnswerBenchmark"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class EngineAnswerBenchmark {

    private Engine engine;
    private List<String> questions;
    private String conversation;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        engine = Engine.bundled();
        questions = mix();
        conversation = "jmh-" + Thread.currentThread().getId();
    }

    @Benchmark
    public Reply answer() {
        String q = questions.get(next++ % questions.size());
        return engine.answer(Inbound.of(q, conversation, "bench"));
    }

    static List<String> mix() throws IOException {
        try (InputStream in = EngineAnswerBenchmark.class.getResourceAsStream("/io/reportbot/cli/bench-questions.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(EngineAnswerBenchmark.class.getSimpleName()).build()).run();
    }
}
