package org.greencredit.core.carbon;

/**
 * Rounding of reported figures, so that a rating prints the same digits on every machine
 * and the JSON stays readable. Sums are formed from unrounded values first.
 */
public final class Rounding {
    private Rounding() {
    }

    /** Kilograms and CNY to 3 decimals. */
    public static double kg(double value) {
        return Math.round(value * 1_000.0) / 1_000.0;
    }

    /** Shares, probabilities and scores to 4 decimals. */
    public static double ratio(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }

    /** Money to 2 decimals (fen). */
    public static double cny(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
