package org.greencredit.core.rating;

/**
 * What the challenger model said of a firm the champion rated: its probability of default over 12 months and the
 * credit grade of that PD on the champion's grade table, so that the two compare grade for grade.
 */
public record ChallengerScore(String modelVersion, double pd, String grade) {
}
