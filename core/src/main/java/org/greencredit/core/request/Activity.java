package org.greencredit.core.request;

import org.greencredit.core.units.Dimension;

/** What an activity line measures, the GHG scope it falls in and the physical dimension of its quantity. */
public enum Activity {
    ELECTRICITY(2, Dimension.ENERGY),
    HEAT(2, Dimension.ENERGY),
    NATURAL_GAS(1, Dimension.VOLUME),
    COAL(1, Dimension.MASS),
    DIESEL(1, Dimension.MASS),
    GASOLINE(1, Dimension.MASS),
    LPG(1, Dimension.MASS),
    FUEL_OIL(1, Dimension.MASS),
    PURCHASED_GOODS(3, Dimension.MONEY);

    private final int scope;
    private final Dimension dimension;

    Activity(int scope, Dimension dimension) {
        this.scope = scope;
        this.dimension = dimension;
    }

    public int scope() {
        return scope;
    }

    public Dimension dimension() {
        return dimension;
    }

    public boolean isSpendBased() {
        return dimension == Dimension.MONEY;
    }
}
