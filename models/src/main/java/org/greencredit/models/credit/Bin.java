package org.greencredit.models.credit;

/** A scorecard bin {@code [lower, upper)}; a null bound is open; the missing-value bin has {@code missing}. */
public record Bin(String feature, Double lower, Double upper, boolean missing, int points) {
    boolean contains(Double value) {
        if (value == null) {
            return missing;
        }
        return !missing && (lower == null || value >= lower) && (upper == null || value < upper);
    }
}
