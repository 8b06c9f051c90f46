package org.greencredit.core.validation;

import java.util.List;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.Limits;

/**
 * The constraints declared on the long lists of a request (a carbon account's activity lines, the
 * monthly inflow and outflow series), checked by hand: Bean Validation's reflective cascade costs more
 * per element than rating the element does. Same field paths and messages as the annotations they
 * stand for, which stay on the records as their declaration; {@code RequestValidatorTest} holds the
 * two to the same answers.
 */
final class LongListChecks {
    static final String NOT_NULL = "must not be null";
    static final String NOT_NEGATIVE = "must be greater than or equal to 0";
    static final String FINITE = "must be a finite number (not NaN or infinity)";

    private LongListChecks() {
    }

    /** {@code @Size(max = MAX_ACTIVITY_LINES) List<@NotNull @Valid ActivityLine>}, and each line's own constraints. */
    static void lines(String path, List<ActivityLine> lines, List<FieldError> errors) {
        size(path, lines, Limits.MAX_ACTIVITY_LINES, errors);
        for (int i = 0; i < lines.size(); i++) {
            ActivityLine line = lines.get(i);
            String at = path + "[" + i + "]";
            if (line == null) {
                errors.add(new FieldError(at, NOT_NULL));
                continue;
            }
            if (line.month() == null) {
                errors.add(new FieldError(at + ".month", NOT_NULL));
            }
            if (line.activity() == null) {
                errors.add(new FieldError(at + ".activity", NOT_NULL));
            }
            amount(at + ".quantity", line.quantity(), Plausible.Kind.QUANTITY, errors);
            text(at + ".unit", line.unit(), 16, errors);
            text(at + ".category", line.category(), 64, errors);
            amount(at + ".spendCny", line.spendCny(), Plausible.Kind.MONEY, errors);
        }
    }

    /** {@code @Size(max = MAX_MONTHS) List<@NotNull @Finite @PositiveOrZero @Plausible(MONEY) Double>}. */
    static void monthlyMoney(String path, List<Double> values, List<FieldError> errors) {
        size(path, values, Limits.MAX_MONTHS, errors);
        for (int i = 0; i < values.size(); i++) {
            Double value = values.get(i);
            if (value == null) {
                errors.add(new FieldError(path + "[" + i + "]", NOT_NULL));
            } else {
                amount(path + "[" + i + "]", value, Plausible.Kind.MONEY, errors);
            }
        }
    }

    /** {@code @Finite @PositiveOrZero @Plausible(kind) Double}: null passes. */
    private static void amount(String path, Double value, Plausible.Kind kind, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        double v = value;
        if (!Double.isFinite(v)) {
            errors.add(new FieldError(path, FINITE));
        }
        // As Hibernate Validator's @PositiveOrZero: by Double.compare, so -0.0 fails, and NaN fails too.
        if (Double.isNaN(v) || Double.compare(v, 0.0) < 0) {
            errors.add(new FieldError(path, NOT_NEGATIVE));
        }
        String implausible = PlausibleValidator.problem(kind, v);
        if (implausible != null) {
            errors.add(new FieldError(path, implausible));
        }
    }

    /** {@code @Size(max = max) String}: null passes. */
    private static void text(String path, String value, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(path, "size must be between 0 and " + max));
        }
    }

    private static void size(String path, List<?> list, int max, List<FieldError> errors) {
        if (list.size() > max) {
            errors.add(new FieldError(path, "size must be between 0 and " + max));
        }
    }
}
