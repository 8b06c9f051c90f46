package org.greencredit.core.rating;

/**
 * One feature's share of the credit score: its value (null when missing) and its points.
 * Contributions plus the base points add up to the score exactly.
 */
public record Contribution(String feature, Double value, double points) {
}
