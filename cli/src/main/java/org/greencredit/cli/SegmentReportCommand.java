package org.greencredit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.reports.SegmentReport;
import org.greencredit.models.credit.Scorecard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes the {@link SegmentReport} of a shipped scorecard as JSON: what the algorithm filing reports.
 * The shipped {@code segment-metrics.json} beside scorecard-v1 was made with the defaults.
 */
@Command(name = "segment-report", mixinStandardHelpOptions = true,
        description = "Measure the engine's champion scorecard by segment on a synthetic population; writes JSON.")
final class SegmentReportCommand implements Callable<Integer> {
    /** Where the report went and on how many SMEs. */
    record Wrote(String wrote, int count) {
    }

    @Option(names = "--count", defaultValue = "20000", description = "SMEs to generate (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "2", description = "Seed, other than the training seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--model", defaultValue = "scorecard-v1", description = "Shipped scorecard (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--out", required = true, description = "JSON file to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        SegmentReport.Result report = SegmentReport.measure(RatingEngine.standard(Clock.systemUTC()), Scorecard.shipped(model), seed, count);
        Files.writeString(out, GreenCreditJson.mapper().writeValueAsString(report) + "\n", StandardCharsets.UTF_8);
        JsonOutput.print(new Wrote(out.toString(), count));
        return 0;
    }
}
