package org.greencredit.core.units;

/** An unknown unit, or a unit that does not fit the quantity it is attached to. */
public final class UnitException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnitException(String message) {
        super(message);
    }
}
