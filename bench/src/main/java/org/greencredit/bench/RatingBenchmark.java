package org.greencredit.bench;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.engine.RatingEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole rating (validation, carbon, green rules, scorecard, crops, policy, explanation) on a warm
 * engine, cycling through generated firms and farms: throughput, and the latency distribution
 * (p50, p99) in sample mode.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx2g"})
public class RatingBenchmark {
    @Param("2000")
    public int count;

    @Param("7")
    public long seed;

    RatingEngine engine;
    List<RatingRequest> requests;

    /** Each benchmark thread walks the requests on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        RatingRequest next(List<RatingRequest> requests) {
            RatingRequest r = requests.get(next);
            next = next + 1 == requests.size() ? 0 : next + 1;
            return r;
        }
    }

    @Setup
    public void setUp() {
        engine = RatingEngine.standard(Clock.systemUTC());
        requests = Requests.generate(seed, count, 24);
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public Rating rate(Cursor cursor) {
        return engine.rate(cursor.next(requests));
    }
}
