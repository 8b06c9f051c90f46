package org.greencredit.models.crop;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.greencredit.datasets.reference.ReferenceData;

/**
 * A plot's season read from its clear NDVI readings: the readings are put on a regular grid
 * (linear across gaps), dips below the curve are lifted as cloud or haze (upper envelope), and
 * the result is smoothed by a Savitzky-Golay filter (window 5, quadratic). On that curve:
 * green-up and end of season where it crosses {@code seasonShare} of its amplitude (left and
 * right of the peak separately, as TIMESAT does), the peak date and value, the season length,
 * the integral above the base (NDVI x days), and the growth stage on any date.
 * One season per series: a double-cropped plot shows its larger season.
 */
public final class Phenology {
    /** Savitzky-Golay smoothing weights, window 5, quadratic: (-3, 12, 17, 12, -3) / 35. */
    private static final double[] SMOOTHING = {-3 / 35.0, 12 / 35.0, 17 / 35.0, 12 / 35.0, -3 / 35.0};
    private static final int ENVELOPE_PASSES = 2;

    /** The cut-offs of the method, from {@code parameters.csv}. */
    public record Settings(int stepDays, double dipTolerance, double seasonShare, double peakShare, double minAmplitude) {
        public static Settings of(ReferenceData reference) {
            return new Settings((int) reference.parameter("crop.phenology.stepDays").value(),
                    reference.parameter("crop.phenology.dipTolerance").value(),
                    reference.parameter("crop.phenology.seasonShare").value(),
                    reference.parameter("crop.phenology.peakShare").value(),
                    reference.parameter("crop.phenology.minAmplitude").value());
        }
    }

    private final LocalDate start;
    private final int step;
    private final double[] curve;
    private final Settings settings;
    private final int peak;
    private final double leftBase;
    private final double rightBase;
    private final boolean season;
    /** Fractional grid positions of the season's start and end; end is NaN while the season lasts. */
    private final double greenUp;
    private final double end;

    private Phenology(LocalDate start, double[] grid, Settings settings) {
        this.start = start;
        this.step = settings.stepDays();
        this.settings = settings;
        this.curve = upperEnvelope(grid, settings.dipTolerance());
        int top = 0;
        for (int i = 1; i < curve.length; i++) {
            if (curve[i] > curve[top]) {
                top = i;
            }
        }
        this.peak = top;
        int leftMin = argMin(curve, 0, top);
        int rightMin = argMin(curve, top, curve.length - 1);
        this.leftBase = curve[leftMin];
        this.rightBase = curve[rightMin];
        this.season = curve[top] - leftBase >= settings.minAmplitude();
        this.greenUp = season ? crossingUp(leftMin, top, leftBase + settings.seasonShare() * (curve[top] - leftBase)) : Double.NaN;
        // The season has ended only once the curve is back down near its starting base; a curve still
        // falling at the last reading has a right-hand minimum that is merely the latest value.
        boolean ended = season && rightBase <= leftBase + settings.seasonShare() * (curve[top] - leftBase);
        this.end = ended
                ? crossingDown(top, rightMin, rightBase + settings.seasonShare() * (curve[top] - rightBase)) : Double.NaN;
    }

    /**
     * The season of dated readings, which must be sorted by date, at least two, and clear (cloud-flagged
     * readings left out by the caller); readings on the same date are averaged.
     */
    public static Phenology of(List<LocalDate> dates, List<Double> values, Settings settings) {
        if (dates.size() != values.size() || dates.size() < 2) {
            throw new IllegalArgumentException("need at least two dated readings, got " + dates.size() + " dates and " + values.size() + " values");
        }
        LocalDate first = dates.get(0);
        double[] day = new double[dates.size()];
        for (int i = 0; i < day.length; i++) {
            day[i] = ChronoUnit.DAYS.between(first, dates.get(i));
            if (i > 0 && day[i] < day[i - 1]) {
                throw new IllegalArgumentException("readings must be sorted by date: " + dates.get(i) + " follows " + dates.get(i - 1));
            }
        }
        long span = (long) day[day.length - 1];
        if (span <= 0) {
            throw new IllegalArgumentException("readings must span more than one day, all fall on " + first);
        }
        double[] grid = new double[(int) (span / settings.stepDays()) + 1];
        int k = 0;
        for (int g = 0; g < grid.length; g++) {
            double at = (double) g * settings.stepDays();
            while (k < day.length - 1 && day[k + 1] < at) {
                k++;
            }
            grid[g] = interpolate(day, values, k, at);
        }
        return new Phenology(first, grid, settings);
    }

    /** The season of a series already on the regular grid of {@code settings.stepDays()} from {@code start}; no gaps. */
    public static Phenology ofGrid(double[] values, LocalDate start, Settings settings) {
        if (values.length < 2) {
            throw new IllegalArgumentException("need at least two readings, got " + values.length);
        }
        return new Phenology(start, values.clone(), settings);
    }

    private static double interpolate(double[] day, List<Double> values, int k, double at) {
        if (at <= day[k] || k == day.length - 1) {
            return sameDayMean(day, values, k);
        }
        double a = sameDayMean(day, values, k);
        double b = sameDayMean(day, values, k + 1);
        return a + (b - a) * (at - day[k]) / (day[k + 1] - day[k]);
    }

    private static double sameDayMean(double[] day, List<Double> values, int k) {
        double sum = 0;
        int n = 0;
        for (int i = k; i >= 0 && day[i] == day[k]; i--, n++) {
            sum += values.get(i);
        }
        for (int i = k + 1; i < day.length && day[i] == day[k]; i++, n++) {
            sum += values.get(i);
        }
        return sum / n;
    }

    static double[] smooth(double[] v) {
        if (v.length < SMOOTHING.length) {
            return v.clone();
        }
        double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double sum = 0;
            for (int k = -2; k <= 2; k++) {
                sum += SMOOTHING[k + 2] * v[Math.max(0, Math.min(v.length - 1, i + k))];
            }
            s[i] = sum;
        }
        return s;
    }

    /** Readings far below the smoothed curve are replaced by it and the curve smoothed again. */
    private static double[] upperEnvelope(double[] grid, double tolerance) {
        double[] v = grid.clone();
        double[] s = smooth(v);
        for (int pass = 0; pass < ENVELOPE_PASSES; pass++) {
            for (int i = 0; i < v.length; i++) {
                if (v[i] < s[i] - tolerance) {
                    v[i] = s[i];
                }
            }
            s = smooth(v);
        }
        return s;
    }

    private static int argMin(double[] v, int from, int to) {
        int at = from;
        for (int i = from + 1; i <= to; i++) {
            if (v[i] < v[at]) {
                at = i;
            }
        }
        return at;
    }

    private double crossingUp(int from, int to, double level) {
        for (int i = from; i < to; i++) {
            if (curve[i + 1] >= level) {
                return curve[i] >= level ? i : i + (level - curve[i]) / (curve[i + 1] - curve[i]);
            }
        }
        return to;
    }

    private double crossingDown(int from, int to, double level) {
        for (int i = from; i < to; i++) {
            if (curve[i + 1] < level) {
                return i + (curve[i] - level) / (curve[i] - curve[i + 1]);
            }
        }
        return to;
    }

    private LocalDate dateAt(double position) {
        return start.plusDays(Math.round(position * step));
    }

    private double position(LocalDate date) {
        double x = ChronoUnit.DAYS.between(start, date) / (double) step;
        return Math.max(0, Math.min(curve.length - 1, x));
    }

    /** The smoothed curve on its grid. */
    public double[] smoothed() {
        return curve.clone();
    }

    /** The smoothed NDVI on a date (held at the first or last value outside the readings). */
    public double valueOn(LocalDate date) {
        double x = position(date);
        int i = (int) Math.floor(x);
        return i >= curve.length - 1 ? curve[curve.length - 1] : curve[i] + (curve[i + 1] - curve[i]) * (x - i);
    }

    public boolean hasSeason() {
        return season;
    }

    public double peakNdvi() {
        return curve[peak];
    }

    public LocalDate peakDate() {
        return dateAt(peak);
    }

    /** Rise from the base before the peak to the peak. */
    public double amplitude() {
        return curve[peak] - leftBase;
    }

    public double base() {
        return leftBase;
    }

    /** Start of season, or null when the curve shows none. */
    public LocalDate greenUpDate() {
        return season ? dateAt(greenUp) : null;
    }

    /** End of season, or null when there is no season or the readings stop before it ends. */
    public LocalDate endOfSeasonDate() {
        return Double.isNaN(end) ? null : dateAt(end);
    }

    /** Days from green-up to the end of season, or to the last reading while the season lasts; 0 without a season. */
    public int seasonLengthDays() {
        if (!season) {
            return 0;
        }
        double last = Double.isNaN(end) ? curve.length - 1 : end;
        return (int) Math.round((last - greenUp) * step);
    }

    /** Days from green-up to the peak; 0 without a season. */
    public int greenUpToPeakDays() {
        return season ? (int) Math.round((peak - greenUp) * step) : 0;
    }

    /** Sum of the curve above its base over the season, in NDVI x days (the TIMESAT small integral). */
    public double integral() {
        if (!season) {
            return 0;
        }
        double last = Double.isNaN(end) ? curve.length - 1 : end;
        double sum = 0;
        for (int i = (int) Math.ceil(greenUp); i <= (int) Math.floor(last); i++) {
            sum += Math.max(0, curve[i] - leftBase) * step;
        }
        return sum;
    }

    /** The stage on a date; dates outside the readings take the stage of the nearest reading. */
    public GrowthStage stageOn(LocalDate date) {
        if (!season) {
            return GrowthStage.NO_SEASON;
        }
        double x = position(date);
        if (x < greenUp) {
            return GrowthStage.PRE_SEASON;
        }
        if (!Double.isNaN(end) && x >= end) {
            return GrowthStage.HARVESTED;
        }
        if (x > peak - 1 && stillRising()) {
            return GrowthStage.GREEN_UP;
        }
        if (valueOn(date) >= leftBase + settings.peakShare() * amplitude()) {
            return GrowthStage.PEAK;
        }
        return x <= peak ? GrowthStage.GREEN_UP : GrowthStage.SENESCENCE;
    }

    /**
     * The highest point is the latest one and the curve still climbs faster than the peak band is
     * wide: the readings stop before the peak, so the peak seen so far is not the season's.
     */
    private boolean stillRising() {
        int last = curve.length - 1;
        return peak == last && last > 0 && curve[last] - curve[last - 1] > (1 - settings.peakShare()) * amplitude();
    }

    /** The date of the last point of the grid, i.e. the latest reading the curve knows. */
    public LocalDate lastDate() {
        return dateAt(curve.length - 1);
    }
}
