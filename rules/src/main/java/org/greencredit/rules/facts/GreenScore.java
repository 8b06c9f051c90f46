package org.greencredit.rules.facts;

/** The total green score, inserted once all points are awarded so the grade rules see the final figure. */
public final class GreenScore {
    private final int value;

    public GreenScore(int value) {
        this.value = value;
    }

    public int getValue() {
        return value;
    }
}
