package org.greencredit.models.credit;

/**
 * One bin of a scorecard feature and its whole points: a numeric range {@code [lower, upper)} (a null
 * bound is open), one category of a categorical feature, the rare or unseen categories (OTHER), or the
 * missing value.
 *
 * @param source where the bin comes from, e.g. the training data's rows and defaults in it
 */
public record Bin(String feature, Kind kind, Double lower, Double upper, String category, int points, String source) {
    public enum Kind {
        RANGE, CATEGORY, OTHER, MISSING
    }

    public boolean missing() {
        return kind == Kind.MISSING;
    }

    /** Whether a numeric value (null: missing) falls in this bin. */
    boolean contains(Double value) {
        if (value == null) {
            return kind == Kind.MISSING;
        }
        return kind == Kind.RANGE && (lower == null || value >= lower) && (upper == null || value < upper);
    }
}
