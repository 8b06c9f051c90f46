package org.greencredit.engine;

import java.time.YearMonth;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;

/**
 * Seeded synthetic requests (firms and farms, 24 months of data up to December 2025) drawn with an
 * engine's reference data: the service's demo data and examples. Request {@code i} of a seed is
 * always the same request.
 */
public final class SyntheticRequests {
    private static final YearMonth LAST_MONTH = YearMonth.of(2025, 12);
    private static final int MONTHS = 24;

    private final SyntheticPopulation population;

    SyntheticRequests(long seed, ReferenceData reference) {
        this.population = new SyntheticPopulation(seed, LAST_MONTH, MONTHS, reference);
    }

    public RatingRequest get(long index) {
        return population.generate(index).request();
    }
}
