package org.greencredit.bench;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.engine.RatingEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole rating (validation, carbon, green rules, scorecard, crops, policy, explanation) on a warm
 * engine, cycling through generated firms and farms: throughput, and the latency distribution
 * (p50, p99) in sample mode. With {@code challenger=gbt}, a gradient-boosted challenger trained by
 * {@code model train}'s own code on 5,000 synthetic firms also scores every rating in shadow: what
 * shadow scoring costs.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// A whole rating compiles more code than the other benchmarks: with five warm-ups of 5 s a fork was still getting
// faster through its measured iterations (BENCHMARKS.md, fourth round of issue 15).
@Warmup(iterations = 12, time = 5)
public class RatingBenchmark extends EngineBenchmark {
    @Param("2000")
    public int count;

    /** {@code none}, or {@code gbt} for a gbt challenger scoring in shadow. */
    @Param({"none", "gbt"})
    public String challenger;

    RatingEngine engine;
    List<RatingRequest> requests;

    @Setup
    public void setUp() {
        RatingEngine.Builder builder = RatingEngine.builder(Clock.systemUTC());
        if (challenger.equals("gbt")) {
            builder.creditModels(Requests.withGbtChallenger());
        }
        engine = builder.build();
        requests = Requests.generate(seed, count, 24);
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public Rating rate(Cursor cursor) {
        return engine.rate(requests.get(cursor.next(requests.size())));
    }
}
