package org.greencredit.rules.facts;

/** A colour a merchant-path row grants; the best one granted becomes the firm's colour. */
public final class MerchantColour {
    private final String colour;
    private final int rank;

    /** @param rank higher is better: the merchant colour rule takes the granted colour of the highest rank */
    public MerchantColour(String colour, int rank) {
        this.colour = colour;
        this.rank = rank;
    }

    public String getColour() {
        return colour;
    }

    public int getRank() {
        return rank;
    }
}
