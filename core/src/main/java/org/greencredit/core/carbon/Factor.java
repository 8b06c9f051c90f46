package org.greencredit.core.carbon;

/**
 * An emission factor as applied: kgCO2e per one {@code unit}, where it comes from, and
 * for which data year it was published.
 */
public record Factor(double kgCo2ePerUnit, String unit, String source, int year) {
}
