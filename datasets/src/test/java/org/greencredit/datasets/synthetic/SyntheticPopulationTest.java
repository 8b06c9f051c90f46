package org.greencredit.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.stream.LongStream;
import org.greencredit.core.validation.RequestValidator;
import org.greencredit.datasets.reference.ReferenceData;
import org.junit.jupiter.api.Test;

class SyntheticPopulationTest {
    private static final ReferenceData DATA = ReferenceData.shipped();

    private static List<SyntheticSme> generate(long seed, int n) {
        SyntheticPopulation population = new SyntheticPopulation(seed, YearMonth.of(2025, 12), 24, DATA);
        return LongStream.range(0, n).mapToObj(population::generate).toList();
    }

    @Test
    void theSameSeedGivesTheSamePopulationAndAPrefixOfALargerOne() {
        assertThat(generate(1, 50)).isEqualTo(generate(1, 50));
        assertThat(generate(1, 200).subList(0, 50)).isEqualTo(generate(1, 50));
        assertThat(generate(2, 50)).isNotEqualTo(generate(1, 50));
    }

    @Test
    void everyGeneratedRequestIsValid() {
        try (RequestValidator validator = new RequestValidator(DATA, java.time.Clock.systemUTC())) {
            for (SyntheticSme sme : generate(3, 2_000)) {
                assertThat(validator.problems(sme.request())).as(sme.truth().smeId()).isEmpty();
            }
        }
    }

    @Test
    void defaultRateAndMixMatchTheDocumentedCalibration() {
        List<SyntheticSme> population = generate(4, 20_000);
        double meanPd = population.stream().mapToDouble(s -> s.truth().pd()).average().orElseThrow();
        double defaultRate = population.stream().filter(s -> s.truth().defaulted()).count() / (double) population.size();
        double farms = population.stream().filter(s -> s.truth().farm()).count() / (double) population.size();
        assertThat(meanPd).isBetween(0.03, 0.06);
        assertThat(defaultRate).isBetween(meanPd - 0.005, meanPd + 0.005);
        assertThat(farms).isBetween(0.11, 0.13);
        // Green firms default less: the greenest fifth against the least green fifth.
        double greenRate = population.stream().filter(s -> s.truth().greenPropensity() > 0.8).mapToDouble(s -> s.truth().pd()).average().orElseThrow();
        double brownRate = population.stream().filter(s -> s.truth().greenPropensity() < 0.2).mapToDouble(s -> s.truth().pd()).average().orElseThrow();
        assertThat(greenRate).isLessThan(brownRate * 0.6);
    }
}
