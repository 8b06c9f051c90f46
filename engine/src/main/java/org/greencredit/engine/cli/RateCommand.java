package org.greencredit.engine.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.datasets.io.RecordReader;
import org.greencredit.datasets.io.RecordWriter;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.batch.BatchRater;
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
        Path rejectsFile = rejects != null ? rejects : out.resolveSibling(out.getFileName() + ".rejects.jsonl");
        RatingEngine engine = RatingEngine.standard(Clock.systemUTC());
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        BatchRater.Summary summary;
        try (RecordReader<RatingRequest> reader = RecordFormat.openReader(in, RatingRequest.class);
             RecordWriter<Rating> writer = RecordFormat.openWriter(out, Rating.class);
             RecordWriter<BatchRater.Rejected> rejected = RecordFormat.openWriter(rejectsFile, BatchRater.Rejected.class)) {
            summary = new BatchRater(engine, workers).rate(reader, writer, rejected);
        }
        System.err.printf("greencredit rate: read %d, rated %d, rejected %d%s%n", summary.read(), summary.rated(), summary.rejected(),
                summary.rejected() > 0 ? " (see " + rejectsFile + ")" : "");
        return summary.rejected() > 0 ? GreenCreditCli.EXIT_SOME_REJECTED : 0;
    }
}
