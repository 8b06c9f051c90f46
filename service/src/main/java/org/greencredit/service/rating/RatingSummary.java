package org.greencredit.service.rating;

import java.time.Instant;
import java.util.List;

/**
 * One line of an SME's rating history or of the officers' queue.
 *
 * @param smeName         the firm's name as its request gave it; null for ratings stored before it was kept
 * @param requestedCny    the loan amount asked for; null when none was asked or for ratings stored before it was kept
 * @param pendingOverride whether an officer's override of it waits for a second officer
 */
public record RatingSummary(String id, String smeId, String smeName, Instant ratedAt, int greenScore, String greenGrade, String colour,
                            Integer carbonEfficiencyLevel, double pd, String creditGrade, String outcome, double limitCny,
                            Double requestedCny, int rateDiscountBp, List<String> referralReasons, boolean pendingOverride) {

    public RatingSummary {
        referralReasons = List.copyOf(referralReasons);
    }

    RatingSummary withReferralReasons(List<String> reasons) {
        return new RatingSummary(id, smeId, smeName, ratedAt, greenScore, greenGrade, colour, carbonEfficiencyLevel, pd, creditGrade, outcome,
                limitCny, requestedCny, rateDiscountBp, reasons, pendingOverride);
    }
}
