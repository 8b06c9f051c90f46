package org.greencredit.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every engine benchmark shares: one forked JVM with the launcher's flags, five warm-up and five
 * measured iterations of five seconds (Drools and XGBoost need the long warm-up to settle on two
 * cores), operations per second, and the seed of the generated requests. JMH inherits these
 * annotations; a benchmark overrides what it measures differently.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx2g"})
public abstract class EngineBenchmark {
    @Param("7")
    public long seed;

    /** Each benchmark thread walks the inputs on its own, round and round. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        /** The next index into inputs of {@code size}. */
        int next(int size) {
            int i = next;
            next = i + 1 >= size ? 0 : i + 1;
            return i;
        }
    }
}
