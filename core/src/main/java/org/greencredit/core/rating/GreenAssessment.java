package org.greencredit.core.rating;

/**
 * @param score                 green points 0..100
 * @param grade                 letter grade from the score bands
 * @param carbonEfficiencyLevel 1 (high efficiency) .. 5 (low); null when the carbon account is missing
 */
public record GreenAssessment(
        int score,
        String grade,
        Colour colour,
        Integer carbonEfficiencyLevel,
        Double carbonEfficiencyK,
        Dimensions dimensions) {
}
