package org.greencredit.core.carbon;

/**
 * Cut-offs of the distortion checks; the datasets module reads them from {@code parameters.csv}.
 *
 * @param copiedMonthsMinRun   consecutive identical non-zero readings that count as copied
 * @param electricityRatioLow  reported / expected electricity emissions below this are implausibly low
 * @param electricityRatioHigh reported / expected electricity emissions above this are implausibly high
 * @param suddenDropShare      latest months below this share of the same months a year earlier count as a drop
 * @param suddenDropMonths     how many latest months are compared
 */
public record AnomalyThresholds(int copiedMonthsMinRun, double electricityRatioLow, double electricityRatioHigh,
                                double suddenDropShare, int suddenDropMonths) {
    public AnomalyThresholds {
        if (copiedMonthsMinRun < 2) {
            throw new IllegalArgumentException("copiedMonthsMinRun must be at least 2, got " + copiedMonthsMinRun);
        }
        if (!(electricityRatioLow > 0 && electricityRatioLow < 1 && electricityRatioHigh > 1)) {
            throw new IllegalArgumentException("need 0 < electricityRatioLow < 1 < electricityRatioHigh, got "
                    + electricityRatioLow + " and " + electricityRatioHigh);
        }
        if (!(suddenDropShare > 0 && suddenDropShare < 1) || suddenDropMonths < 1 || suddenDropMonths > 12) {
            throw new IllegalArgumentException("need 0 < suddenDropShare < 1 and 1 <= suddenDropMonths <= 12, got "
                    + suddenDropShare + " and " + suddenDropMonths);
        }
    }
}
