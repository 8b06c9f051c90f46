package org.greencredit.service.rating;

import java.time.Instant;

/**
 * A rating as stored: searchable columns, the full rating and request as JSON, the hash of the
 * request, and the versions used, so any rating can be reproduced and audited.
 */
public record StoredRating(String id, String smeId, Instant ratedAt, String outcome, String colour, double pd,
                           String rulesetVersion, String modelsVersion, String factorsVersion, String inputHash,
                           String requestJson, String ratingJson) {
}
