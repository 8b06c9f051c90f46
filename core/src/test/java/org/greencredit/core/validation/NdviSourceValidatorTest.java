package org.greencredit.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.List;
import org.greencredit.core.request.NdviObservation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class NdviSourceValidatorTest {
    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();
    private static final LocalDate DAY = LocalDate.of(2025, 6, 1);

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static List<String> problems(NdviObservation o) {
        return VALIDATOR.validate(o).stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList();
    }

    @Test
    void ndviIsComputedFromTheBands() {
        // (0.40 - 0.05) / (0.40 + 0.05) = 0.35 / 0.45 = 0.7778
        NdviObservation o = new NdviObservation(DAY, null, 0.05, 0.40, false);
        assertThat(problems(o)).isEmpty();
        assertThat(o.ndvi()).isCloseTo(0.7778, within(1e-4));
        assertThat(new NdviObservation(DAY, 0.31, null).ndvi()).isEqualTo(0.31);
    }

    @Test
    void aValueAgreeingWithTheBandsIsAccepted() {
        assertThat(problems(new NdviObservation(DAY, 0.78, 0.05, 0.40, null))).isEmpty();
    }

    @Test
    void eachMissingOrContradictoryPieceIsNamed() {
        assertThat(problems(new NdviObservation(DAY, null, null, null, null)))
                .containsExactly("value: is required unless red and nir are given");
        assertThat(problems(new NdviObservation(DAY, null, 0.05, null, null)))
                .containsExactly("nir: is required when red is given (NDVI needs both bands)");
        assertThat(problems(new NdviObservation(DAY, null, null, 0.4, null)))
                .containsExactly("red: is required when nir is given (NDVI needs both bands)");
        assertThat(problems(new NdviObservation(DAY, null, 0.0, 0.0, null)))
                .containsExactly("nir: red and nir are both 0: NDVI is undefined");
        assertThat(problems(new NdviObservation(DAY, 0.2, 0.05, 0.40, null)))
                .containsExactly("value: 0.2 disagrees with NDVI 0.778 computed from red and nir");
    }

    @Test
    void reflectancesOutsideZeroToOneAreRejectedByName() {
        assertThat(problems(new NdviObservation(DAY, null, -0.1, 0.4, null))).containsExactly("red: must be at least 0");
        assertThat(problems(new NdviObservation(DAY, null, 0.1, 1.4, null))).containsExactly("nir: must be at most 1");
    }
}
