package org.greencredit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.reports.FeatureTable;
import org.greencredit.models.registry.CreditModels;
import org.greencredit.models.registry.ModelRegistry;
import org.greencredit.models.training.ModelTraining;

/** The seeded synthetic requests every benchmark works on, so that figures of different benchmarks compare. */
final class Requests {
    private Requests() {
    }

    /** The first {@code count} requests of the population with {@code seed} and {@code months} of data up to December 2025. */
    static List<RatingRequest> generate(long seed, int count, int months) {
        return generate(seed, count, months, r -> true);
    }

    /** The first {@code count} requests that {@code keep} accepts. */
    static List<RatingRequest> generate(long seed, int count, int months, Predicate<RatingRequest> keep) {
        SyntheticPopulation population = new SyntheticPopulation(seed, YearMonth.of(2025, 12), months, ReferenceData.shipped());
        List<RatingRequest> requests = new ArrayList<>(count);
        for (long i = 0; requests.size() < count; i++) {
            RatingRequest r = population.generate(i).request();
            if (keep.test(r)) {
                requests.add(r);
            }
        }
        return requests;
    }

    /**
     * The shipped champion and thin-file scorecards with a gbt challenger that {@code model train}'s own code trains on the
     * engine's features of 5,000 synthetic firms (seed 11), as a bank would drop into its registry.
     */
    static CreditModels withGbtChallenger() {
        try {
            Path dir = Files.createTempDirectory("greencredit-bench-registry");
            Path table = dir.resolve("features.csv");
            FeatureTable.write(RatingEngine.standard(Clock.systemUTC()), new SyntheticPopulation(11, YearMonth.of(2025, 12), 24,
                    ReferenceData.shipped()), 5_000, table);
            Path registry = dir.resolve("registry");
            ModelRegistry.open(registry);
            ModelTraining.train(table, FeatureTable.OUTCOME, "1", Set.of("province", "section", "sizeClass", "thinFile", FeatureTable.TRUE_PD),
                    registry.resolve("gbt"), 42, ModelTraining.Kind.GBT);
            return ModelRegistry.open(registry).activate(new ModelRegistry.Active("scorecard-v1", "scorecard-thin-v1", "gbt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
