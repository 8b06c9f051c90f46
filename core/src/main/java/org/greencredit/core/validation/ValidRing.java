package org.greencredit.core.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A GeoJSON linear ring: at least four positions, closed (first equals last), longitudes
 * in [-180, 180] and latitudes in [-90, 90], and no two edges crossing.
 */
@Documented
@Constraint(validatedBy = RingValidator.class)
@Target({FIELD, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface ValidRing {
    String message() default "must be a closed, simple ring of [longitude, latitude] positions";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
