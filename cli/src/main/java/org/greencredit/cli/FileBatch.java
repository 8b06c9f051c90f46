package org.greencredit.cli;

import java.nio.file.Path;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.datasets.io.RecordReader;
import org.greencredit.datasets.io.RecordWriter;
import org.greencredit.engine.batch.BatchRunner;

/** Runs a batch from a requests file to a results file and a rejects file, formats by extension. */
final class FileBatch {
    private FileBatch() {
    }

    static Path defaultRejects(Path out) {
        return out.resolveSibling(out.getFileName() + ".rejects.jsonl");
    }

    static <R> BatchRunner.Summary run(Path in, Path out, Path rejects, BatchRunner<R> runner, Class<R> type) {
        return run(in, out, rejects, runner, type, (soFar, inputShare) -> {
        });
    }

    static <R> BatchRunner.Summary run(Path in, Path out, Path rejects, BatchRunner<R> runner, Class<R> type, BatchRunner.Progress progress) {
        try (RecordReader<RatingRequest> reader = RecordFormat.openReader(in, RatingRequest.class);
             RecordWriter<R> writer = RecordFormat.openWriter(out, type);
             RecordWriter<BatchRunner.Rejected> rejected = RecordFormat.openWriter(rejects, BatchRunner.Rejected.class)) {
            return runner.run(reader, writer, rejected, progress);
        }
    }

    /** Prints the summary and returns the exit code: 0, or 2 when rows were rejected. */
    static int report(String command, BatchRunner.Summary summary, Path rejects) {
        System.err.printf("greencredit %s: read %d, done %d, rejected %d%s%n", command, summary.read(), summary.rated(),
                summary.rejected(), summary.rejected() > 0 ? " (see " + rejects + ")" : "");
        return summary.rejected() > 0 ? GreenCreditCli.EXIT_SOME_REJECTED : 0;
    }
}
