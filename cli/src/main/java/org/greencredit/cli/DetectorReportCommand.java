package org.greencredit.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.reports.DetectorReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints the {@link DetectorReport} of a generated population with injected distortions as one JSON object. */
@Command(name = "detector-report", mixinStandardHelpOptions = true,
        description = "Recall and false-alarm rate of the distortion checks on a generated population.")
final class DetectorReportCommand implements Callable<Integer> {
    @Option(names = "--count", defaultValue = "20000", description = "SMEs to generate (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "13", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--distortion-rate", defaultValue = "0.3", description = "Share of accounts distorted (default ${DEFAULT-VALUE}).")
    double rate;

    @Override
    public Integer call() {
        JsonOutput.print(DetectorReport.measure(RatingEngine.standard(Clock.systemUTC()), count, seed, rate));
        return 0;
    }
}
