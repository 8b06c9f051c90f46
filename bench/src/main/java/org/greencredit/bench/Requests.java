package org.greencredit.bench;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;

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
}
