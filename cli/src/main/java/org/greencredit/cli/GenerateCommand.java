package org.greencredit.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.datasets.io.RecordWriter;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.GroundTruth;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.datasets.synthetic.SyntheticSme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write seeded synthetic RatingRequests (format by extension: .jsonl, .csv, .arrow, .arrows).")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--count", required = true, description = "How many SMEs and farms to generate.")
    long count;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Requests file.")
    Path out;

    @Option(names = "--truth", description = "Optional ground-truth file: default probability and outcome of each SME.")
    Path truth;

    @Option(names = "--months", defaultValue = "24", description = "Months of activity data per SME (default ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--distortion-rate", defaultValue = "0", description = "Share of carbon accounts given an injected distortion"
            + " (copied months, zero energy, under- or over-reported electricity, sudden drop, tariff mismatch); default ${DEFAULT-VALUE}.")
    double distortionRate;

    @Option(names = "--false-crop-rate", defaultValue = "0", description = "Share of farms declaring a crop they do not grow"
            + " (default ${DEFAULT-VALUE}); the truth file marks them.")
    double falseCropRate;

    @Option(names = "--last-month", defaultValue = "2025-12", description = "Latest month of activity data (default ${DEFAULT-VALUE}).")
    YearMonth lastMonth;

    @Override
    public Integer call() {
        if (count < 0) {
            throw new IllegalArgumentException("--count must not be negative, got " + count);
        }
        SyntheticPopulation population = new SyntheticPopulation(seed, lastMonth, months, ReferenceData.shipped(), distortionRate)
                .withFalseCropDeclarations(falseCropRate);
        try (RecordWriter<RatingRequest> requests = RecordFormat.openWriter(out, RatingRequest.class);
             RecordWriter<GroundTruth> truths = truth == null ? null : RecordFormat.openWriter(truth, GroundTruth.class)) {
            for (long i = 0; i < count; i++) {
                SyntheticSme sme = population.generate(i);
                requests.write(sme.request());
                if (truths != null) {
                    truths.write(sme.truth());
                }
            }
        }
        System.err.printf("greencredit generate: wrote %d requests to %s%s%n", count, out, truth == null ? "" : " and truth to " + truth);
        return 0;
    }
}
