package org.greencredit.core.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The number must be finite: NaN and the infinities reach JSON as strings and would poison every sum. */
@Documented
@Constraint(validatedBy = FiniteValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface Finite {
    String message() default "must be a finite number (not NaN or infinity)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
