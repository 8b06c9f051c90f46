package org.greencredit.models.training;

/**
 * One bin of a feature with its weight of evidence, {@code ln(share of negatives / share of
 * positives)} (higher is safer), and its points in the scorecard.
 *
 * @param kind RANGE {@code [lower, upper)} of a numeric feature, CATEGORY, OTHER (rare or unseen
 *             categories) or MISSING
 */
public record WoeBin(String feature, Kind kind, Double lower, Double upper, String category, int count, int positives,
                     double woe, double points) {

    public enum Kind {
        RANGE, CATEGORY, OTHER, MISSING
    }

    public WoeBin withPoints(double newPoints) {
        return new WoeBin(feature, kind, lower, upper, category, count, positives, woe, newPoints);
    }

    boolean holds(double value) {
        return kind == Kind.RANGE && (lower == null || value >= lower) && (upper == null || value < upper);
    }

    public String label() {
        return switch (kind) {
            case RANGE -> "[" + (lower == null ? "-inf" : lower) + ", " + (upper == null ? "+inf" : upper) + ")";
            case CATEGORY -> category;
            case OTHER -> "(other)";
            case MISSING -> "(missing)";
        };
    }
}
