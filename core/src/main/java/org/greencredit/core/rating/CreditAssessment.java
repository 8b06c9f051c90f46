package org.greencredit.core.rating;

/**
 * @param pd    probability of default over 12 months
 * @param score scorecard points (higher is safer)
 */
public record CreditAssessment(double pd, int score, String grade, String modelVersion) {
}
