package org.greencredit.core.rating;

import java.util.List;

/**
 * @param score                 green points 0..100
 * @param grade                 letter grade from the score bands
 * @param carbonEfficiencyLevel 1 (high efficiency) .. 5 (low); null when the carbon account is missing
 * @param path                  how the colour was found: from the carbon account, or as a merchant from behaviours and industry
 * @param behaviours            each behaviour counted, with its basis
 */
public record GreenAssessment(
        int score,
        String grade,
        Colour colour,
        Integer carbonEfficiencyLevel,
        Double carbonEfficiencyK,
        Dimensions dimensions,
        GreenPath path,
        List<BehaviourAssessment> behaviours) {

    public GreenAssessment {
        behaviours = behaviours == null ? List.of() : List.copyOf(behaviours);
    }
}
