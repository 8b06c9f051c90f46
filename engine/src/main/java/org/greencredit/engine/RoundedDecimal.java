package org.greencredit.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A double written to a number of decimals, half up, without trailing zeros, exactly as
 * {@code new BigDecimal(x).setScale(decimals, HALF_UP).stripTrailingZeros().toPlainString()} writes it: that form
 * rounds the double's exact binary value (2.675 is 2.67499..., written "2.67"), and stays the fallback. Building a
 * BigDecimal of a double's full expansion for every reason cost about a tenth of a rating, so the fast path scales in
 * double arithmetic, whose error below {@link #FAST_LIMIT} is under 2e-7 of a unit, and decides every value whose scaled
 * fraction is not within {@link #TIE_MARGIN} of a half exactly as the reference does.
 */
final class RoundedDecimal {
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    /** Scaled magnitudes up to here carry a double rounding error of at most 1e9 x 2^-53, about 1.1e-7. */
    private static final double FAST_LIMIT = 1e9;
    private static final double TIE_MARGIN = 1e-6;

    private RoundedDecimal() {
    }

    static String halfUp(double value, int decimals) {
        if (decimals >= 0 && decimals < POWERS_OF_TEN.length) {
            double scaled = Math.abs(value) * POWERS_OF_TEN[decimals];
            if (scaled < FAST_LIMIT) {
                double whole = Math.floor(scaled);
                double fraction = scaled - whole;
                if (Math.abs(fraction - 0.5) > TIE_MARGIN) {
                    long units = (long) whole + (fraction > 0.5 ? 1 : 0);
                    return plain(value < 0 && units != 0, units, decimals);
                }
            }
        }
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** {@code units} / 10^decimals in plain notation, trailing zeros of the fraction (and a bare point) dropped. */
    private static String plain(boolean negative, long units, int decimals) {
        while (decimals > 0 && units % 10 == 0) {
            units /= 10;
            decimals--;
        }
        String digits = Long.toString(units);
        StringBuilder out = new StringBuilder(digits.length() + decimals + 2);
        if (negative) {
            out.append('-');
        }
        if (decimals == 0) {
            return out.append(digits).toString();
        }
        if (digits.length() <= decimals) {
            out.append("0.");
            out.append("0".repeat(decimals - digits.length()));
            return out.append(digits).toString();
        }
        int point = digits.length() - decimals;
        return out.append(digits, 0, point).append('.').append(digits, point, digits.length()).toString();
    }
}
