package io.reportbot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Measures latency, throughput, start-up and memory of the engine. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark the engine.")
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
