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

    @Override
    public boolean isValid(NdviObservation o, ConstraintValidatorContext context) {
        if (o == null) {
            return true;
        }
        if (o.red() == null && o.nir() == null) {
            return o.value() != null || fail(context, "value", "is required unless red and nir are given");
        }
        if (o.red() == null) {
            return fail(context, "red", "is required when nir is given (NDVI needs both bands)");
        }
        if (o.nir() == null) {
            return fail(context, "nir", "is required when red is given (NDVI needs both bands)");
        }
        if (o.red() + o.nir() <= 0) {
            return fail(context, "nir", "red and nir are both 0: NDVI is undefined");
        }
        Double fromBands = NdviObservation.fromBands(o.red(), o.nir());
        if (o.value() != null && fromBands != null && Math.abs(o.value() - fromBands) > AGREEMENT_TOLERANCE) {
            return fail(context, "value", String.format(Locale.ROOT,
                    "%s disagrees with NDVI %.3f computed from red and nir", o.value(), fromBands));
        }
        return true;
    }

    private static boolean fail(ConstraintValidatorContext context, String component, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message)
                .addPropertyNode(component).addConstraintViolation();
        return false;
    }
}
