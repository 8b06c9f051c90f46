package org.greencredit.core.units;

/** The physical dimension of a quantity; conversions never cross dimensions except liquid volume to mass via a density. */
public enum Dimension {
    ENERGY, VOLUME, MASS, LIQUID_VOLUME, MONEY
}
