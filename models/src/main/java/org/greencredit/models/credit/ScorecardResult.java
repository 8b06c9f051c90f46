package org.greencredit.models.credit;

import java.util.List;
import java.util.Map;
import org.greencredit.core.rating.Contribution;

/**
 * A scored applicant: the intercept plus the contributions add up to the score exactly.
 *
 * @param pointsBelowBest per feature, how many points the applicant is short of the feature's best bin
 */
public record ScorecardResult(int score, double pd, String grade, int interceptPoints, List<Contribution> contributions,
                              Map<String, Integer> pointsBelowBest, List<String> missingFeatures, Map<String, Double> features) {
}
