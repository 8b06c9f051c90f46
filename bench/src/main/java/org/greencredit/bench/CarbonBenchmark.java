package org.greencredit.bench;

import java.time.Clock;
import java.util.List;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.engine.CarbonReport;
import org.greencredit.engine.RatingEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/** The carbon stage alone (accounting, trend, distortion checks, pattern model, level) on 12-month carbon accounts. */
public class CarbonBenchmark extends EngineBenchmark {
    @Param("2000")
    public int count;

    RatingEngine engine;
    List<RatingRequest> accounts;

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
        return engine.carbonAccountOnly(accounts.get(cursor.next(accounts.size())));
    }
}
