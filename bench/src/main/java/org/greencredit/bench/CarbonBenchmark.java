package org.greencredit.bench;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.engine.CarbonReport;
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

/** The carbon stage alone (accounting, trend, distortion checks, pattern model, level) on 12-month carbon accounts. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx2g"})
public class CarbonBenchmark {
    @Param("2000")
    public int count;

    @Param("7")
    public long seed;

    RatingEngine engine;
    List<RatingRequest> accounts;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup
    public void setUp() {
        engine = RatingEngine.standard(Clock.systemUTC());
        accounts = Requests.generate(seed, count, 12, r -> r.carbonAccount() != null);
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public CarbonReport carbonAccount(Cursor cursor) {
        RatingRequest r = accounts.get(cursor.next);
        cursor.next = cursor.next + 1 == accounts.size() ? 0 : cursor.next + 1;
        return engine.carbonAccountOnly(r);
    }
}
