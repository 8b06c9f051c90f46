package org.greencredit.service.rating;

/**
 * A rating as stored: what lists show (the summary columns), the versions used and the hash of the request, and the
 * full rating and request JSON, so that any rating can be reproduced and audited.
 */
public record StoredRating(RatingSummary summary, String rulesetVersion, String modelsVersion, String factorsVersion, String inputHash,
                           String requestJson, String ratingJson) {
}
