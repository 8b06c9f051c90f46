package org.greencredit.service.rating;

import org.greencredit.core.rating.ChallengerScore;

/**
 * A rating as stored: what lists show (the summary columns), the versions used and the hash of the request, and the
 * full rating and request JSON (UTF-8, as hashed and deflated), so that any rating can be reproduced and audited; and
 * what model comparisons read: the scorecard that decided, the challenger's shadow score (null when none ran) and the
 * firm's fairness groups.
 */
public record StoredRating(RatingSummary summary, String rulesetVersion, String modelsVersion, String factorsVersion, String inputHash,
                           byte[] requestJson, byte[] ratingJson, String creditModel, ChallengerScore challenger, String fairnessGroups) {
}
