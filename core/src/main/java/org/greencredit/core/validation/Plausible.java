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

/**
 * The number lies within what one small firm can report for its {@link Kind}, as {@code core/plausibility.tsv}
 * sets it with its source: beyond that it is a typing, unit or overflow error (1e308 inflows, 1e-320 CNY
 * asked), refused with the bounds rather than rated.
 */
@Documented
@Constraint(validatedBy = PlausibleValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface Plausible {
    /** Which bounds of plausibility.tsv apply. */
    enum Kind {
        MONEY, SIGNED_MONEY, LOAN_AMOUNT, QUANTITY
    }

    Kind value();

    String message() default "is outside the plausible range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
