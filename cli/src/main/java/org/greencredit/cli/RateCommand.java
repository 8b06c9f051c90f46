package org.greencredit.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.greencredit.core.rating.Rating;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.batch.BatchRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rate", mixinStandardHelpOptions = true,
        description = "Rate a file of RatingRequests (JSON lines, CSV or Arrow IPC, by extension) into a file of Ratings.")
final class RateCommand implements Callable<Integer> {
    @Option(names = "--in", required = true, description = "Requests file.")
    Path in;

    @Option(names = "--out", required = true, description = "Ratings file.")
    Path out;

    @Option(names = "--rejects", description = "Where rejected rows go, with row number and field errors (default: OUT.rejects.jsonl).")
    Path rejects;

    @Option(names = "--threads", description = "Worker threads (default: number of processors).")
    Integer threads;

    @Override
    public Integer call() {
        Path rejectsFile = rejects != null ? rejects : FileBatch.defaultRejects(out);
        RatingEngine engine = RatingEngine.standard(Clock.systemUTC());
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        BatchRunner.Summary summary = FileBatch.run(in, out, rejectsFile, BatchRunner.rating(engine, workers), Rating.class);
        return FileBatch.report("rate", summary, rejectsFile);
    }
}
