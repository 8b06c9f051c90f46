package org.greencredit.datasets.synthetic;

import java.util.EnumMap;
import java.util.Map;
import org.greencredit.core.request.Crop;

/**
 * A crop's seasonal NDVI shape as a double logistic: rise around {@code greenUpDoy}, fall
 * around {@code senescenceDoy} (day of year; beyond 365 wraps into the next year), from
 * {@code base} to {@code peak}. Dates follow the main Chinese growing season of each crop
 * (MARA crop calendars); evergreen crops (tea, citrus) keep a high base.
 */
record CropCurve(Crop crop, int greenUpDoy, int senescenceDoy, double base, double peak, double steepness) {

    static final Map<Crop, CropCurve> CURVES = new EnumMap<>(Crop.class);

    static {
        add(Crop.RICE, 150, 275, 0.15, 0.85, 0.08);
        add(Crop.WHEAT, 50, 145, 0.20, 0.80, 0.09);
        add(Crop.MAIZE, 175, 255, 0.15, 0.85, 0.10);
        add(Crop.SOYBEAN, 170, 250, 0.15, 0.80, 0.10);
        add(Crop.RAPESEED, 40, 125, 0.20, 0.75, 0.09);
        add(Crop.COTTON, 120, 270, 0.12, 0.80, 0.07);
        add(Crop.PEANUT, 130, 240, 0.15, 0.80, 0.09);
        add(Crop.POTATO, 75, 175, 0.15, 0.80, 0.10);
        add(Crop.SUGARCANE, 100, 370, 0.20, 0.85, 0.05);
        add(Crop.TEA, 70, 320, 0.50, 0.70, 0.05);
        add(Crop.CITRUS, 80, 330, 0.55, 0.75, 0.04);
        add(Crop.VEGETABLES, 60, 300, 0.30, 0.75, 0.12);
        add(Crop.TOBACCO, 105, 220, 0.15, 0.80, 0.10);
        add(Crop.SORGHUM, 150, 260, 0.15, 0.80, 0.09);
        add(Crop.MILLET, 145, 250, 0.15, 0.75, 0.09);
    }

    private static void add(Crop crop, int greenUp, int senescence, double base, double peak, double steepness) {
        CURVES.put(crop, new CropCurve(crop, greenUp, senescence, base, peak, steepness));
    }

    /** NDVI on a day of the year for a plot whose health scales the amplitude. */
    double ndvi(int doy, double health) {
        double rise = 1.0 / (1.0 + Math.exp(-steepness * (doy - greenUpDoy)));
        double fall = 1.0 / (1.0 + Math.exp(-steepness * (doy - senescenceDoy)));
        return base + (peak * health - base) * (rise - fall);
    }
}
