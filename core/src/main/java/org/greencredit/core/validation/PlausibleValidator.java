package org.greencredit.core.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

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
        // Null, non-finite, zero and negative values are the other constraints' to name (@Finite, @Positive...): one error each.
        if (value == null || !Double.isFinite(value) || value <= 0 || (value >= bounds.min() && value <= bounds.max())) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must be between " + plain(bounds.min()) + " and " + plain(bounds.max()) + " "
                + bounds.unit() + ": a figure outside that is a typing or unit error, not one small firm's").addConstraintViolation();
        return false;
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static Map<Plausible.Kind, Bounds> load() {
        Map<Plausible.Kind, Bounds> bounds = new EnumMap<>(Plausible.Kind.class);
        try (InputStream in = PlausibleValidator.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the classpath");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            if (!lines[0].strip().equals("kind\tmin\tmax\tunit\tsource")) {
                throw new IllegalStateException(TABLE + ": line 1 must be the header kind, min, max, unit, source (tab-separated)");
            }
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] f = lines[i].split("\t", -1);
                if (f.length != 5 || f[4].isBlank()) {
                    throw new IllegalStateException(TABLE + ": line " + (i + 1) + ": expected kind, min, max, unit and a source");
                }
                String kind = f[0].strip().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
                bounds.put(Plausible.Kind.valueOf(kind), new Bounds(Double.parseDouble(f[1]), Double.parseDouble(f[2]), f[3].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TABLE, e);
        }
        for (Plausible.Kind kind : Plausible.Kind.values()) {
            if (!bounds.containsKey(kind)) {
                throw new IllegalStateException(TABLE + " has no bounds for " + kind);
            }
        }
        return bounds;
    }
}
