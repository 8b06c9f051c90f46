package org.greencredit.core.rating;

import java.time.Instant;

/**
 * The answer to a {@code RatingRequest}: green rating, carbon account, credit risk, crop
 * (farms only), decision, and the explanation of all of them. Apart from {@link #id} and
 * {@link #ratedAt}, the same request and versions always give the same rating.
 */
public record Rating(
        String id,
        String smeId,
        Instant ratedAt,
        GreenAssessment green,
        CarbonAssessment carbon,
        CreditAssessment credit,
        CropAssessment crop,
        Decision decision,
        Explanation explanation) {

    public Rating withIdentity(String newId, Instant newRatedAt) {
        return new Rating(newId, smeId, newRatedAt, green, carbon, credit, crop, decision, explanation);
    }
}
