package org.greencredit.core.validation;

import java.util.List;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.Limits;
import org.greencredit.core.request.NdviObservation;

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
            if (line == null) {
                errors.add(new FieldError(at(path, i, ""), NOT_NULL, FieldError.REQUIRED));
                continue;
            }
            if (line.month() == null) {
                errors.add(new FieldError(at(path, i, ".month"), NOT_NULL, FieldError.REQUIRED));
            }
            if (line.activity() == null) {
                errors.add(new FieldError(at(path, i, ".activity"), NOT_NULL, FieldError.REQUIRED));
            }
            amount(path, i, ".quantity", line.quantity(), Plausible.Kind.QUANTITY, errors);
            text(path, i, ".unit", line.unit(), 16, errors);
            text(path, i, ".category", line.category(), 64, errors);
            amount(path, i, ".spendCny", line.spendCny(), Plausible.Kind.MONEY, errors);
        }
    }

    /** {@code @Size(max = MAX_MONTHS) List<@NotNull @Finite @PositiveOrZero @Plausible(MONEY) Double>}. */
    static void monthlyMoney(String path, List<Double> values, List<FieldError> errors) {
        size(path, values, Limits.MAX_MONTHS, errors);
        for (int i = 0; i < values.size(); i++) {
            Double value = values.get(i);
            if (value == null) {
                errors.add(new FieldError(at(path, i, ""), NOT_NULL, FieldError.REQUIRED));
            } else {
                amount(path, i, "", value, Plausible.Kind.MONEY, errors);
            }
        }
    }

    /**
     * {@code @Size(max = MAX_NDVI_OBSERVATIONS) List<@NotNull @Valid NdviObservation>}: each reading's date, its value
     * in -1 to 1, its bands in 0 to 1, and where its NDVI comes from ({@code @NdviSource}).
     */
    static void ndvi(String path, List<NdviObservation> readings, List<FieldError> errors) {
        size(path, readings, Limits.MAX_NDVI_OBSERVATIONS, errors);
        for (int i = 0; i < readings.size(); i++) {
            NdviObservation o = readings.get(i);
            if (o == null) {
                errors.add(new FieldError(at(path, i, ""), NOT_NULL, FieldError.REQUIRED));
                continue;
            }
            if (o.date() == null) {
                errors.add(new FieldError(at(path, i, ".date"), NOT_NULL, FieldError.REQUIRED));
            }
            bounded(path, i, ".value", o.value(), -1, errors);
            bounded(path, i, ".red", o.red(), 0, errors);
            bounded(path, i, ".nir", o.nir(), 0, errors);
            NdviSourceValidator.Problem source = NdviSourceValidator.problem(o);
            if (source != null) {
                errors.add(new FieldError(at(path, i, "." + source.component()), source.message(), FieldError.INVALID));
            }
        }
    }

    /** {@code @Finite @DecimalMin(min) @DecimalMax("1") Double} with their messages; null passes. */
    private static void bounded(String list, int index, String field, Double value, int min, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        double v = value;
        if (!Double.isFinite(v)) {
            errors.add(new FieldError(at(list, index, field), FINITE, FieldError.NUMBER));
            // Hibernate Validator's @DecimalMin and @DecimalMax take the infinities for the extremes they are, and fail NaN on both.
            if (v != Double.POSITIVE_INFINITY) {
                errors.add(new FieldError(at(list, index, field), "must be at least " + min, FieldError.RANGE));
            }
            if (v != Double.NEGATIVE_INFINITY) {
                errors.add(new FieldError(at(list, index, field), "must be at most 1", FieldError.RANGE));
            }
            return;
        }
        if (v < min) {
            errors.add(new FieldError(at(list, index, field), "must be at least " + min, FieldError.RANGE));
        }
        if (v > 1) {
            errors.add(new FieldError(at(list, index, field), "must be at most 1", FieldError.RANGE));
        }
    }

    /** The path of an element's field, made only for an error: most elements have none. */
    private static String at(String list, int index, String field) {
        return list + "[" + index + "]" + field;
    }

    /** {@code @Finite @PositiveOrZero @Plausible(kind) Double}: null passes. */
    private static void amount(String list, int index, String field, Double value, Plausible.Kind kind, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        double v = value;
        if (!Double.isFinite(v)) {
            errors.add(new FieldError(at(list, index, field), FINITE, FieldError.NUMBER));
        }
        // As Hibernate Validator's @PositiveOrZero: by Double.compare, so -0.0 fails, and NaN fails too.
        if (Double.isNaN(v) || Double.compare(v, 0.0) < 0) {
            errors.add(new FieldError(at(list, index, field), NOT_NEGATIVE, FieldError.RANGE));
        }
        String implausible = PlausibleValidator.problem(kind, v);
        if (implausible != null) {
            errors.add(new FieldError(at(list, index, field), implausible, FieldError.IMPLAUSIBLE));
        }
    }

    /** {@code @Size(max = max) String}: null passes. */
    private static void text(String list, int index, String field, String value, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(at(list, index, field), "size must be between 0 and " + max, FieldError.SIZE));
        }
    }

    private static void size(String path, List<?> list, int max, List<FieldError> errors) {
        if (list.size() > max) {
            errors.add(new FieldError(path, "size must be between 0 and " + max, FieldError.SIZE));
        }
    }
}
