package org.greencredit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.batch.BatchRunner;
import org.greencredit.engine.output.RatingProfile;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Option(names = "--profile", defaultValue = "full", converter = ProfileConverter.class,
            description = "full (every carbon line, rule hit, contribution and counterfactual) or decision (outcome, limit, term,"
                    + " discount, colour, scores and grades, reasons, rules fired, versions and the SHA-256 of the full rating);"
                    + " default ${DEFAULT-VALUE}.")
    RatingProfile profile;

    @Option(names = "--quiet", description = "No progress line on standard error.")
    boolean quiet;

    @Mixin
    ModelsDirOption models;

    @Override
    public Integer call() {
        Path rejectsFile = rejects != null ? rejects : FileBatch.defaultRejects(out);
        RatingEngine engine = models.engine();
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        BatchRunner.Summary summary = run(engine, workers, profile.type(), rejectsFile);
        return FileBatch.report("rate", summary, rejectsFile);
    }

    private <R> BatchRunner.Summary run(RatingEngine engine, int workers, Class<R> type, Path rejectsFile) {
        BatchRunner<R> runner = BatchRunner.ofSlices(requests -> engine.rateAll(requests).stream()
                .map(attempt -> attempt.map(rating -> type.cast(profile.shape(rating)))).toList(), workers);
        if (quiet) {
            return FileBatch.run(in, out, rejectsFile, runner, type);
        }
        ProgressLine progress = ProgressLine.onStandardError("rate");
        try {
            return FileBatch.run(in, out, rejectsFile, runner, type, progress);
        } finally {
            progress.finish();
        }
    }

    /** {@code full} or {@code decision}, in any case. */
    static final class ProfileConverter implements ITypeConverter<RatingProfile> {
        @Override
        public RatingProfile convert(String value) {
            for (RatingProfile p : RatingProfile.values()) {
                if (p.name().equalsIgnoreCase(value)) {
                    return p;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a profile: use full or decision");
        }
    }
}
