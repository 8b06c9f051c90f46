package org.greencredit.core.rating;

import java.util.List;

/**
 * @param rateDiscountBp green rate discount in basis points off the bank's base rate
 * @param referralReasons why an officer must look at it (empty unless REFER)
 */
public record Decision(
        Outcome outcome,
        double limitCny,
        int termMonths,
        int rateDiscountBp,
        List<Instalment> repaymentSchedule,
        List<String> referralReasons) {

    public Decision {
        repaymentSchedule = List.copyOf(repaymentSchedule);
        referralReasons = List.copyOf(referralReasons);
    }
}
