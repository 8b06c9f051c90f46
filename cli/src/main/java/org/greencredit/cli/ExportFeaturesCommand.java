package org.greencredit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.reports.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the credit model's features of a synthetic population as a table ({@link FeatureTable}). */
@Command(name = "export-features", mixinStandardHelpOptions = true,
        description = "Write the credit features, segments and outcomes of a synthetic population as CSV.")
final class ExportFeaturesCommand implements Callable<Integer> {
    @Option(names = "--count", required = true, description = "SMEs to generate.")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "CSV to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        FeatureTable.write(RatingEngine.standard(Clock.systemUTC()),
                new SyntheticPopulation(seed, YearMonth.of(2025, 12), 24, ReferenceData.shipped()), count, out);
        return 0;
    }
}
