package org.greencredit.service.appeal;

import java.time.Instant;

/**
 * An SME's appeal against a rating and, once resolved, the officer's answer: CORRECTED (the input
 * was corrected and re-rated as {@code correctedRatingId}; the original rating stays as it was) or
 * REJECTED with the reason.
 *
 * @param field    the input the SME says is wrong, e.g. {@code carbonAccount.lines[3].quantity}
 */
public record Appeal(String id, String ratingId, String smeId, String openedBy, Instant openedAt, String field, String claim,
                     String evidence, String status, String resolvedBy, Instant resolvedAt, String answer, String correctedRatingId) {
    public static final String OPEN = "OPEN";
    public static final String CORRECTED = "CORRECTED";
    public static final String REJECTED = "REJECTED";
}
