package org.greencredit.datasets.synthetic;

import java.util.List;
import java.util.SplittableRandom;
import org.greencredit.core.request.Crop;

/**
 * Seeded NDVI curves of the 15 crops, for training and testing crop classifiers. Each curve
 * follows its crop's double-logistic calendar ({@link CropCurve}) shifted by the region's
 * calendar (up to ±{@value #CALENDAR_SHIFT_DAYS} days, earlier in the south), scaled by the
 * plot's health (uniform from {@value #MIN_HEALTH}, span {@value #HEALTH_SPAN}), with sensor noise (sd {@value #NOISE}),
 * cloudy readings ({@value #CLOUD_SHARE} of dates: half pulled down towards soil, half lost), and mixed pixels ({@value #MIXED_SHARE} of
 * plots blend in up to 35% of a neighbouring crop). Each series carries its true yield as a
 * ratio to the crop's reference yield: (health / mean health)^(crop's yield response),
 * times log-normal noise (sd {@value #YIELD_NOISE}) for what the canopy does not show (grain fill,
 * harvest losses). Series {@code i} depends only on seed and i.
 */
public final class PhenologyGenerator {
    public static final int OBSERVATIONS = 36;
    static final int STEP_DAYS = 10;
    static final int CALENDAR_SHIFT_DAYS = 8;
    static final double NOISE = 0.03;
    static final double CLOUD_SHARE = 0.15;
    static final double MIXED_SHARE = 0.15;
    static final double MIN_HEALTH = 0.75;
    static final double HEALTH_SPAN = 0.35;
    static final double MEAN_HEALTH = 0.925;
    static final double YIELD_NOISE = 0.08;

    private final long seed;

    public PhenologyGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * A labelled series; NaN marks a reading lost to cloud.
     *
     * @param yieldRatio the plot's true yield over the crop's reference yield
     */
    public record Series(Crop crop, double[] ndvi, double yieldRatio) {
    }

    public Series generate(long index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 7);
        List<Crop> crops = List.of(Crop.values());
        Crop crop = crops.get((int) (index % crops.size()));
        CropCurve curve = CropCurve.CURVES.get(crop);
        int shift = (int) Math.round((2 * r.nextDouble() - 1) * CALENDAR_SHIFT_DAYS);
        double health = MIN_HEALTH + HEALTH_SPAN * r.nextDouble();
        CropCurve other = r.nextDouble() < MIXED_SHARE ? CropCurve.CURVES.get(crops.get(r.nextInt(crops.size()))) : null;
        double mix = other == null ? 0 : 0.35 * r.nextDouble();
        double[] ndvi = new double[OBSERVATIONS];
        for (int i = 0; i < OBSERVATIONS; i++) {
            int doy = 5 + i * STEP_DAYS - shift;
            double v = (1 - mix) * curve.ndvi(doy, health) + (other == null ? 0 : mix * other.ndvi(doy + shift, 0.9));
            v += NOISE * Gaussian.next(r);
            if (r.nextDouble() < CLOUD_SHARE) {
                v = r.nextBoolean() ? v * (0.3 + 0.4 * r.nextDouble()) : Double.NaN;
            }
            ndvi[i] = Double.isNaN(v) ? v : Math.max(-1, Math.min(1, v));
        }
        // Drawn last so that the curves do not depend on the yield model.
        double yieldRatio = Math.pow(health / MEAN_HEALTH, curve.yieldResponse())
                * Math.exp(YIELD_NOISE * Gaussian.next(r) - YIELD_NOISE * YIELD_NOISE / 2);
        return new Series(crop, ndvi, yieldRatio);
    }

    /**
     * Series {@code index} as seen part-way through the year: readings after a cut day, drawn
     * uniformly from {@code fromDay} to {@code toDay} (day of year) for each series on its own
     * stream, are missing, as they are when a farmer applies for a loan mid-season.
     */
    public Series generateUntil(long index, int fromDay, int toDay) {
        if (fromDay < 5 || toDay < fromDay || toDay > 365) {
            throw new IllegalArgumentException("cut days must satisfy 5 <= from <= to <= 365, got " + fromDay + ".." + toDay);
        }
        Series full = generate(index);
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 11);
        int cut = fromDay + r.nextInt(toDay - fromDay + 1);
        double[] ndvi = full.ndvi().clone();
        for (int i = 0; i < ndvi.length; i++) {
            if (5 + i * STEP_DAYS > cut) {
                ndvi[i] = Double.NaN;
            }
        }
        return new Series(full.crop(), ndvi, full.yieldRatio());
    }
}
