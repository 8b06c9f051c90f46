package org.greencredit.models.credit;

import java.util.Properties;

/**
 * The one link between points and probability of default: {@code score = offset + factor * ln(odds)}
 * with good:bad odds, {@code factor = pointsToDoubleOdds / ln 2} and
 * {@code offset = basePoints - factor * ln(baseOdds)}; so {@code PD = 1 / (1 + exp((score - offset) / factor))}.
 * Every scorecard, shipped or trained, scales through it. Factor and offset are worked out once: PDs are
 * asked for on every rating and for every counterfactual.
 */
public final class PdScaling {
    private final double basePoints;
    private final double baseOdds;
    private final double pointsToDoubleOdds;
    private final double factor;
    private final double offset;

    public PdScaling(double basePoints, double baseOdds, double pointsToDoubleOdds) {
        if (!(baseOdds > 0) || !(pointsToDoubleOdds > 0) || !Double.isFinite(basePoints)) {
            throw new IllegalArgumentException("PD scaling needs finite basePoints and positive baseOdds and pointsToDoubleOdds, got "
                    + basePoints + ", " + baseOdds + ", " + pointsToDoubleOdds);
        }
        this.basePoints = basePoints;
        this.baseOdds = baseOdds;
        this.pointsToDoubleOdds = pointsToDoubleOdds;
        this.factor = pointsToDoubleOdds / Math.log(2);
        this.offset = basePoints - factor * Math.log(baseOdds);
    }

    /** Reads basePoints, baseOdds and pointsToDoubleOdds from a model's properties; {@code where} names the model in errors. */
    public static PdScaling from(Properties p, String where) {
        return new PdScaling(number(p, "basePoints", where), number(p, "baseOdds", where), number(p, "pointsToDoubleOdds", where));
    }

    void writeTo(Properties p) {
        p.setProperty("basePoints", Double.toString(basePoints));
        p.setProperty("baseOdds", Double.toString(baseOdds));
        p.setProperty("pointsToDoubleOdds", Double.toString(pointsToDoubleOdds));
    }

    public double basePoints() {
        return basePoints;
    }

    public double baseOdds() {
        return baseOdds;
    }

    public double pointsToDoubleOdds() {
        return pointsToDoubleOdds;
    }

    public double factor() {
        return factor;
    }

    public double offset() {
        return offset;
    }

    /** Probability of default at a score. */
    public double pdOf(double score) {
        return 1.0 / (1.0 + Math.exp((score - offset) / factor));
    }

    private static double number(Properties p, String key, String where) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(where + ": model.properties has no " + key);
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(where + ": model.properties " + key + " '" + value + "' is not a number", e);
        }
    }
}
