package org.greencredit.models.series;

import java.util.ArrayList;
import java.util.List;

/**
 * What a classifier sees of one series: the values themselves, their Savitzky-Golay smoothed
 * slope, and phenology summaries (peak value and position, trough, mean, spread, area, the
 * positions where the curve first rises above and last falls below half its amplitude, and the
 * season length between them). Positions are fractions of the series, so series of any sampling
 * step describe the season alike.
 */
public final class SeriesFeatures {
    /** Savitzky-Golay first-derivative weights for a window of 5, quadratic fit: (-2, -1, 0, 1, 2) / 10. */
    private static final double[] SLOPE_WEIGHTS = {-0.2, -0.1, 0, 0.1, 0.2};

    private SeriesFeatures() {
    }

    public static List<String> names(int length) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            names.add(String.format("v%03d", i));
        }
        for (int i = 0; i < length; i++) {
            names.add(String.format("d%03d", i));
        }
        names.addAll(List.of("peak", "peakAt", "trough", "mean", "spread", "area", "riseAt", "fallAt", "season"));
        return names;
    }

    public static double[] of(double[] v) {
        int n = v.length;
        double[] f = new double[2 * n + 9];
        System.arraycopy(v, 0, f, 0, n);
        for (int i = 0; i < n; i++) {
            double slope = 0;
            for (int k = -2; k <= 2; k++) {
                int j = Math.max(0, Math.min(n - 1, i + k));
                slope += SLOPE_WEIGHTS[k + 2] * v[j];
            }
            f[n + i] = slope;
        }
        int peakAt = 0;
        double min = Double.POSITIVE_INFINITY;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            if (v[i] > v[peakAt]) {
                peakAt = i;
            }
            min = Math.min(min, v[i]);
            sum += v[i];
            sumSq += v[i] * v[i];
        }
        double mean = sum / n;
        double half = min + (v[peakAt] - min) / 2;
        int rise = 0;
        while (rise < peakAt && v[rise] < half) {
            rise++;
        }
        int fall = n - 1;
        while (fall > peakAt && v[fall] < half) {
            fall--;
        }
        int base = 2 * n;
        double last = Math.max(1, n - 1);
        f[base] = v[peakAt];
        f[base + 1] = peakAt / last;
        f[base + 2] = min;
        f[base + 3] = mean;
        f[base + 4] = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        f[base + 5] = (sum - n * min) / n;
        f[base + 6] = rise / last;
        f[base + 7] = fall / last;
        f[base + 8] = (fall - rise) / last;
        return f;
    }
}
