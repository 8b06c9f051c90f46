package org.greencredit.service.review;

import java.time.Instant;

/**
 * An officer's override of a rating's decision, with its status: APPLIED, PENDING_SECOND_APPROVAL
 * (four eyes) or REJECTED by the second officer.
 */
public record RatingOverride(String id, String ratingId, String requestedBy, Instant requestedAt, String outcome, Double limitCny,
                       Integer rateDiscountBp, String reason, String status, String decidedBy, Instant decidedAt, String decisionNote) {
    public static final String APPLIED = "APPLIED";
    public static final String PENDING = "PENDING_SECOND_APPROVAL";
    public static final String REJECTED = "REJECTED";
}
