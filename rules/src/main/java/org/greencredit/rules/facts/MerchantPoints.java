package org.greencredit.rules.facts;

/**
 * The behaviour and industry points of a firm without a carbon account, inserted once every row has
 * awarded its points, for the merchant-path colour table.
 *
 * @param evidenced points of evidenced behaviours and of a green industry
 * @param total     those plus the (reduced) points of declared behaviours
 */
public final class MerchantPoints {
    private final int evidenced;
    private final int total;

    public MerchantPoints(int evidenced, int total) {
        this.evidenced = evidenced;
        this.total = total;
    }

    public int getEvidenced() {
        return evidenced;
    }

    public int getTotal() {
        return total;
    }

    @Override
    public String toString() {
        return "evidencedPoints=" + evidenced + ", totalPoints=" + total;
    }
}
