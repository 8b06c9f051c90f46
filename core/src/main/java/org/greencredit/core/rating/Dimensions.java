package org.greencredit.core.rating;

/**
 * The three Quzhou dimensions, each a score 0..100 or null when it cannot be assessed.
 *
 * @param industryAdvancement  firm intensity against its industry's benchmark
 * @param regionalContribution firm intensity against its region's average intensity
 * @param historicalDecline    year-on-year change of the firm's own intensity
 */
public record Dimensions(Double industryAdvancement, Double regionalContribution, Double historicalDecline) {
}
