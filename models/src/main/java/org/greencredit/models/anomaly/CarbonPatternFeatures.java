package org.greencredit.models.anomaly;

import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.greencredit.core.carbon.CarbonTrend;
import org.greencredit.core.rating.CarbonAssessment;
import org.greencredit.core.rating.CarbonLine;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CarbonAccount;

/**
 * The shape of an account's monthly energy use, as scale-free numbers a one-class model can
 * compare across firms of any size: electricity against what the industry and revenue imply,
 * seasonal swing, month-to-month roughness, repeated readings, the latest quarter against a year
 * earlier, the implied tariff, and the share of physical data. A value that cannot be computed is
 * 0, its neutral point.
 */
public final class CarbonPatternFeatures {
    public static final List<String> NAMES = List.of("electricityLogRatio", "seasonalSwing", "roughness", "repeatShare",
            "latestQuarterLogChange", "tariffLogRatio", "physicalShare");
    /** A middle C&I tariff: the implied tariff is measured against it in log terms. */
    private static final double REFERENCE_TARIFF_CNY_PER_KWH = 0.7;
    private static final int YEAR = 12;
    private static final int QUARTER = 3;

    private CarbonPatternFeatures() {
    }

    /**
     * @param expectedElectricityKgPerYear electricity emissions the industry benchmark and revenue imply, or null
     * @return values in the order of {@link #NAMES}
     */
    public static double[] extract(CarbonAccount account, CarbonAssessment carbon, Double expectedElectricityKgPerYear) {
        SortedMap<YearMonth, Double> kwh = new TreeMap<>();
        double spend = 0;
        double spendKwh = 0;
        List<CarbonLine> lines = carbon.lines();
        for (int i = 0; i < lines.size(); i++) {
            CarbonLine line = lines.get(i);
            if (!Activity.ELECTRICITY.name().equals(line.activity()) || line.factor() <= 0) {
                continue;
            }
            double k = line.kgCo2e() / line.factor();
            kwh.merge(line.month(), k, Double::sum);
            ActivityLine input = account.lines().get(i);
            if (input.spendCny() != null && k > 0) {
                spend += input.spendCny();
                spendKwh += k;
            }
        }
        double[] f = new double[NAMES.size()];
        if (!kwh.isEmpty()) {
            double[] monthly = kwh.values().stream().mapToDouble(Double::doubleValue).toArray();
            double mean = mean(monthly);
            if (expectedElectricityKgPerYear != null && expectedElectricityKgPerYear > 0 && mean > 0) {
                double factor = electricityFactor(lines);
                f[0] = Math.log(mean * YEAR * factor / expectedElectricityKgPerYear);
            }
            if (mean > 0) {
                f[1] = (max(monthly) - min(monthly)) / mean;
            }
            f[2] = roughness(monthly);
            f[3] = repeatShare(monthly);
            f[4] = latestQuarterLogChange(kwh);
        }
        if (spendKwh > 0 && spend > 0) {
            f[5] = Math.log(spend / spendKwh / REFERENCE_TARIFF_CNY_PER_KWH);
        }
        f[6] = carbon.physicalDataShare() == null ? 0 : carbon.physicalDataShare();
        return f;
    }

    private static double electricityFactor(List<CarbonLine> lines) {
        for (CarbonLine line : lines) {
            if (Activity.ELECTRICITY.name().equals(line.activity()) && line.factor() > 0) {
                return line.factor();
            }
        }
        return 0;
    }

    private static double roughness(double[] monthly) {
        double sum = 0;
        int n = 0;
        for (int i = 1; i < monthly.length; i++) {
            if (monthly[i] > 0 && monthly[i - 1] > 0) {
                sum += Math.abs(Math.log(monthly[i] / monthly[i - 1]));
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static double repeatShare(double[] monthly) {
        if (monthly.length < 2) {
            return 0;
        }
        int same = 0;
        for (int i = 1; i < monthly.length; i++) {
            if (monthly[i] > 0 && monthly[i] == monthly[i - 1]) {
                same++;
            }
        }
        return (double) same / (monthly.length - 1);
    }

    private static double latestQuarterLogChange(SortedMap<YearMonth, Double> kwh) {
        double[] totals = CarbonTrend.latestAgainstYearEarlier(kwh, QUARTER);
        return totals != null && totals[0] > 0 && totals[1] > 0 ? Math.log(totals[0] / totals[1]) : 0;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }
}
