package org.greencredit.core.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.greencredit.core.text.TabSeparated;

/** Checks {@link Plausible} against the bounds of {@code core/plausibility.tsv}, read once. */
public final class PlausibleValidator implements ConstraintValidator<Plausible, Double> {
    static final String TABLE = "/core/plausibility.tsv";

    /** One kind's bounds, inclusive, and its unit for the message. */
    record Bounds(double min, double max, String unit) {
    }

    static final Map<Plausible.Kind, Bounds> BOUNDS = load();

    private Bounds bounds;

    @Override
    public void initialize(Plausible annotation) {
        bounds = BOUNDS.get(annotation.value());
    }

    @Override
    public boolean isValid(Double value, ConstraintValidatorContext context) {
        String problem = value == null ? null : problem(bounds, value);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    /** What is wrong with {@code value} for its kind, or null when nothing is. */
    public static String problem(Plausible.Kind kind, double value) {
        return problem(BOUNDS.get(kind), value);
    }

    private static String problem(Bounds bounds, double value) {
        // Non-finite values, and zero and negative ones of kinds that cannot be negative, are the other constraints' to
        // name (@Finite, @Positive...): one error each.
        if (!Double.isFinite(value) || (value <= 0 && bounds.min() >= 0) || (value >= bounds.min() && value <= bounds.max())) {
            return null;
        }
        return "must be between " + plain(bounds.min()) + " and " + plain(bounds.max()) + " " + bounds.unit()
                + ": a figure outside that is a typing or unit error, not one small firm's";
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static Map<Plausible.Kind, Bounds> load() {
        Map<Plausible.Kind, Bounds> bounds = new EnumMap<>(Plausible.Kind.class);
        for (TabSeparated.Row row : TabSeparated.fromClasspath(TABLE, List.of("kind", "min", "max", "unit", "source"))) {
            String kind = row.get(0).strip().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            bounds.put(Plausible.Kind.valueOf(kind), new Bounds(Double.parseDouble(row.get(1)), Double.parseDouble(row.get(2)),
                    row.get(3).strip()));
        }
        for (Plausible.Kind kind : Plausible.Kind.values()) {
            if (!bounds.containsKey(kind)) {
                throw new IllegalStateException(TABLE + " has no bounds for " + kind);
            }
        }
        return bounds;
    }
}
