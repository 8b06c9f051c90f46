package org.greencredit.core.rating;

/**
 * @param pd         probability of default over 12 months
 * @param score      scorecard points (higher is safer)
 * @param challenger the challenger model's score of the same features, in shadow: for officers, pipelines and model
 *                   review, never part of the decision and never shown to the firm; null when no challenger runs or
 *                   the champion did not score the firm (thin files are scored by their own scorecard)
 */
public record CreditAssessment(double pd, int score, String grade, String modelVersion, ChallengerScore challenger) {

    /** The same assessment without the challenger's score: what the rated firm itself sees. */
    public CreditAssessment withoutChallenger() {
        return challenger == null ? this : new CreditAssessment(pd, score, grade, modelVersion, null);
    }
}
