package org.greencredit.service.rating;

import java.time.Instant;
import java.util.List;

/** One line of an SME's rating history. */
public record RatingSummary(String id, String smeId, Instant ratedAt, int greenScore, String greenGrade, String colour,
                            Integer carbonEfficiencyLevel, double pd, String creditGrade, String outcome, double limitCny,
                            int rateDiscountBp, List<String> referralReasons) {

    public RatingSummary {
        referralReasons = List.copyOf(referralReasons);
    }

    RatingSummary withReferralReasons(List<String> reasons) {
        return new RatingSummary(id, smeId, ratedAt, greenScore, greenGrade, colour, carbonEfficiencyLevel, pd, creditGrade, outcome, limitCny,
                rateDiscountBp, reasons);
    }
}
