package org.greencredit.core.carbon;

import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.greencredit.core.rating.CarbonLine;

/**
 * Change over time of scope 1+2 emissions, measured so that seasons cancel: the year-on-year
 * change compares the latest twelve months with the twelve before, and the trend is the slope of
 * rolling twelve-month totals (each total holds every season once). Revenue is one annual figure,
 * so these are also changes of intensity at constant revenue.
 */
public final class CarbonTrend {
    private static final int YEAR = 12;

    private CarbonTrend() {
    }

    /** Monthly scope 1+2 kg; months without lines are absent. */
    static SortedMap<YearMonth, Double> monthlyEnergyKg(List<CarbonLine> lines) {
        SortedMap<YearMonth, Double> monthly = new TreeMap<>();
        for (CarbonLine line : lines) {
            if (line.scope() != 3) {
                monthly.merge(line.month(), line.kgCo2e(), Double::sum);
            }
        }
        return monthly;
    }

    /**
     * Totals of the latest {@code months} months and of the same months a year earlier, as
     * {@code {recent, yearEarlier}}; null when any of those months is absent.
     */
    public static double[] latestAgainstYearEarlier(SortedMap<YearMonth, Double> monthly, int months) {
        if (monthly.isEmpty()) {
            return null;
        }
        YearMonth latest = monthly.lastKey();
        double recent = 0;
        double yearEarlier = 0;
        for (int i = 0; i < months; i++) {
            Double now = monthly.get(latest.minusMonths(i));
            Double before = monthly.get(latest.minusMonths(i + YEAR));
            if (now == null || before == null) {
                return null;
            }
            recent += now;
            yearEarlier += before;
        }
        return new double[] {recent, yearEarlier};
    }

    /** Relative change of the latest twelve months against the twelve before; null without 24 consecutive months. */
    public static Double yearOnYear(List<CarbonLine> lines) {
        return yearOnYear(monthlyEnergyKg(lines));
    }

    /** As {@link #yearOnYear(List)}, from monthly scope 1+2 totals. */
    public static Double yearOnYear(SortedMap<YearMonth, Double> monthly) {
        if (monthly.isEmpty()) {
            return null;
        }
        YearMonth latest = monthly.lastKey();
        double recent = 0;
        double previous = 0;
        for (int i = 0; i < 2 * YEAR; i++) {
            Double kg = monthly.get(latest.minusMonths(i));
            if (kg == null) {
                return null;
            }
            if (i < YEAR) {
                recent += kg;
            } else {
                previous += kg;
            }
        }
        return previous > 0 ? Rounding.ratio(recent / previous - 1.0) : null;
    }

    /**
     * Least-squares slope of the rolling twelve-month totals over the latest run of consecutive
     * months, per year, relative to their mean; null with fewer than 13 consecutive months.
     */
    public static Double trendPerYear(List<CarbonLine> lines) {
        return trendPerYear(monthlyEnergyKg(lines));
    }

    /** As {@link #trendPerYear(List)}, from monthly scope 1+2 totals. */
    public static Double trendPerYear(SortedMap<YearMonth, Double> monthly) {
        if (monthly.isEmpty()) {
            return null;
        }
        YearMonth latest = monthly.lastKey();
        int run = 0;
        while (monthly.containsKey(latest.minusMonths(run))) {
            run++;
        }
        int totals = run - YEAR + 1;
        if (totals < 2) {
            return null;
        }
        double[] values = new double[run];
        for (int i = 0; i < run; i++) {
            values[i] = monthly.get(latest.minusMonths(run - 1 - i));
        }
        double[] rolling = new double[totals];
        double window = 0;
        for (int i = 0; i < run; i++) {
            window += values[i];
            if (i >= YEAR) {
                window -= values[i - YEAR];
            }
            if (i >= YEAR - 1) {
                rolling[i - YEAR + 1] = window;
            }
        }
        double meanX = (totals - 1) / 2.0;
        double meanY = 0;
        for (double v : rolling) {
            meanY += v / totals;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < totals; i++) {
            sxy += (i - meanX) * (rolling[i] - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        return meanY > 0 ? Rounding.ratio(sxy / sxx * YEAR / meanY) : null;
    }
}
