package org.greencredit.rules.facts;

/**
 * The outcome and discount once every outcome, cap and discount rule has fired, inserted as a
 * new fact so that rules about the final outcome see its final value.
 */
public final class PolicyOutcome {
    private final String outcome;
    private final int rateDiscountBp;

    public PolicyOutcome(String outcome, int rateDiscountBp) {
        this.outcome = outcome;
        this.rateDiscountBp = rateDiscountBp;
    }

    public String getOutcome() {
        return outcome;
    }

    public int getRateDiscountBp() {
        return rateDiscountBp;
    }
}
