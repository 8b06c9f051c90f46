package org.greencredit.core.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import org.greencredit.core.request.NdviObservation;

/**
 * Reports on the component at fault: {@code value} when nothing usable was given, {@code nir}
 * or {@code red} when one band lacks its partner, and {@code value} when it contradicts the bands.
 * Range problems of each number are left to that number's own constraints.
 */
public final class NdviSourceValidator implements ConstraintValidator<NdviSource, NdviObservation> {
    /** Rounding of published NDVI to two or three decimals stays well inside this. */
    static final double AGREEMENT_TOLERANCE = 0.01;

    /** The component at fault and why. */
    record Problem(String component, String message) {
    }

    @Override
    public boolean isValid(NdviObservation o, ConstraintValidatorContext context) {
        Problem problem = problem(o);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem.message()).addPropertyNode(problem.component()).addConstraintViolation();
        return false;
    }

    /** What is wrong with where the reading's NDVI comes from, or null when nothing is. */
    static Problem problem(NdviObservation o) {
        if (o == null) {
            return null;
        }
        if (o.red() == null && o.nir() == null) {
            return o.value() != null ? null : new Problem("value", "is required unless red and nir are given");
        }
        if (o.red() == null) {
            return new Problem("red", "is required when nir is given (NDVI needs both bands)");
        }
        if (o.nir() == null) {
            return new Problem("nir", "is required when red is given (NDVI needs both bands)");
        }
        if (o.red() + o.nir() <= 0) {
            return new Problem("nir", "red and nir are both 0: NDVI is undefined");
        }
        Double fromBands = NdviObservation.fromBands(o.red(), o.nir());
        if (o.value() != null && fromBands != null && Math.abs(o.value() - fromBands) > AGREEMENT_TOLERANCE) {
            return new Problem("value", String.format(Locale.ROOT, "%s disagrees with NDVI %.3f computed from red and nir", o.value(), fromBands));
        }
        return null;
    }
}
