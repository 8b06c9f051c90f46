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

    /**
     * The rating as the rated firm sees it: the challenger model scores in shadow for the bank's model review only, so
     * neither its score nor its version is shown; everything that decided is.
     */
    public Rating forRatedFirm() {
        if (credit == null || credit.challenger() == null) {
            return this;
        }
        return new Rating(id, smeId, ratedAt, green, carbon, credit.withoutChallenger(), crop, decision,
                explanation.withVersions(explanation.versions().withoutChallenger()));
    }
}
