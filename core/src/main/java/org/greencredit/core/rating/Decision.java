package org.greencredit.core.rating;

import java.util.List;

/**
 * @param rateDiscountBp green rate discount in basis points off the bank's base rate
 * @param referralReasons the referral checks that fired: why an officer must look at a REFER; a DECLINE keeps those that
 *                        fired too (empty otherwise)
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
