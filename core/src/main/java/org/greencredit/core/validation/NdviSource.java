package org.greencredit.core.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A vegetation reading that gives NDVI, or red and near-infrared reflectances from which NDVI
 * can be computed, and not two values that disagree.
 */
@Documented
@Constraint(validatedBy = NdviSourceValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface NdviSource {
    String message() default "give value, or both red and nir";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
