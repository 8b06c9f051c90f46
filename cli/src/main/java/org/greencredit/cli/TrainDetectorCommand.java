package org.greencredit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.engine.RatingEngine;
import org.greencredit.models.anomaly.CarbonPatternDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains the carbon pattern detector on ordinary (undistorted) synthetic accounts and writes
 * the Tribuo model file. The shipped model was made with the defaults below.
 */
@Command(name = "train-detector", mixinStandardHelpOptions = true,
        description = "Train the one-class SVM carbon pattern detector on ordinary synthetic accounts.")
final class TrainDetectorCommand implements Callable<Integer> {
    @Option(names = "--count", defaultValue = "4000", description = "Accounts to train on (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the population and the trainer (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--nu", defaultValue = "0.01", description = "Expected share of outliers among ordinary accounts (default ${DEFAULT-VALUE}).")
    double nu;

    @Option(names = "--gamma", defaultValue = "0.5", description = "RBF kernel width (default ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--out", required = true, description = "Model file to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        RatingEngine engine = RatingEngine.builder(Clock.systemUTC()).withoutPatternDetector().build();
        SyntheticPopulation population = new SyntheticPopulation(seed, YearMonth.of(2025, 12), 24, ReferenceData.shipped());
        List<double[]> features = new ArrayList<>(count);
        for (long i = 0; features.size() < count; i++) {
            RatingRequest request = population.generate(i).request();
            if (request.carbonAccount() != null) {
                features.add(engine.carbonPatternFeatures(request));
            }
        }
        CarbonPatternDetector detector = CarbonPatternDetector.train(features, nu, gamma, seed, CarbonPatternDetector.VERSION);
        try (OutputStream stream = Files.newOutputStream(out)) {
            detector.save(stream);
        }
        System.err.printf("greencredit carbon train-detector: trained on %d accounts (nu %s, gamma %s), wrote %s%n", count, nu, gamma, out);
        return 0;
    }
}
