package org.greencredit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.datasets.io.RecordReader;
import org.greencredit.datasets.io.RecordWriter;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.batch.BatchRunner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch rating from a file to a file, as {@code ./greencredit rate} does it: read, validate, rate on
 * every core, write ratings and rejects. An operation is one rating, so the score is ratings per second.
 */
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
public class BatchBenchmark extends EngineBenchmark {
    static final int ROWS = 2_000;

    /** jsonl, csv, arrow (IPC file) or arrows (IPC stream). */
    @Param({"jsonl", "arrow"})
    public String format;

    RatingEngine engine;
    Path dir;
    Path in;
    int threads;

    @Setup
    public void setUp() throws IOException {
        engine = RatingEngine.standard(Clock.systemUTC());
        threads = Runtime.getRuntime().availableProcessors();
        dir = Files.createTempDirectory("greencredit-bench-batch");
        in = dir.resolve("requests." + format);
        try (RecordWriter<RatingRequest> w = RecordFormat.openWriter(in, RatingRequest.class)) {
            Requests.generate(seed, ROWS, 24).forEach(w::write);
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        engine.close();
        for (Path p : List.of(dir.resolve("ratings." + format), dir.resolve("rejects.jsonl"), in, dir)) {
            Files.deleteIfExists(p);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public BatchRunner.Summary fileToFile() {
        try (RecordReader<RatingRequest> reader = RecordFormat.openReader(in, RatingRequest.class);
             RecordWriter<Rating> writer = RecordFormat.openWriter(dir.resolve("ratings." + format), Rating.class);
             RecordWriter<BatchRunner.Rejected> rejects = RecordFormat.openWriter(dir.resolve("rejects.jsonl"), BatchRunner.Rejected.class)) {
            BatchRunner.Summary summary = BatchRunner.rating(engine, threads).run(reader, writer, rejects);
            if (summary.rated() != ROWS) {
                throw new IllegalStateException("rated " + summary.rated() + " of " + ROWS + " rows");
            }
            return summary;
        }
    }
}
