package org.greencredit.datasets.synthetic;

import java.util.EnumMap;
import java.util.Map;
import org.greencredit.core.request.Crop;

/**
 * A crop's seasonal NDVI shape as a double logistic: rise around {@code greenUpDoy}, fall
 * around {@code senescenceDoy} (day of year; beyond 365 wraps into the next year), from
 * {@code base} to {@code peak}. Dates follow the main Chinese growing season of each crop
 * (MARA crop calendars); evergreen crops (tea, citrus) keep a high base. {@code yieldResponse}
 * is the synthetic elasticity of yield to plot health: yield / reference yield =
 * (health / mean health)^yieldResponse, before noise.
 */
record CropCurve(Crop crop, int greenUpDoy, int senescenceDoy, double base, double peak, double steepness, double yieldResponse) {

    static final Map<Crop, CropCurve> CURVES = new EnumMap<>(Crop.class);

    static {
        // green-up day, senescence day, base, peak, steepness: main Chinese season of each crop (MARA crop calendars);
        // yield response: synthetic elasticity of yield to canopy vigour (grain and tubers respond most, perennials least)
        add(Crop.RICE, 150, 275, 0.15, 0.85, 0.08, 1.2);        // single-season rice, Yangtze: transplant late May, harvest Oct
        add(Crop.WHEAT, 50, 145, 0.20, 0.80, 0.09, 1.4);        // winter wheat: regreening Feb-Mar, harvest early Jun
        add(Crop.MAIZE, 178, 258, 0.15, 0.90, 0.13, 1.5);       // summer maize after wheat: sown mid-Jun, dense canopy, harvest late Sep
        add(Crop.SOYBEAN, 155, 272, 0.15, 0.78, 0.06, 1.1);     // spring soybean, Northeast: sown May, slow canopy, harvest Oct
        add(Crop.RAPESEED, 40, 125, 0.20, 0.75, 0.09, 1.2);     // winter rapeseed: bolting Feb, harvest May
        add(Crop.COTTON, 120, 270, 0.12, 0.80, 0.07, 0.9);      // cotton, Xinjiang/North: sown Apr, picking Sep-Oct
        add(Crop.PEANUT, 118, 232, 0.15, 0.82, 0.11, 1.1);      // spring peanut: sown late Apr, harvest Aug-Sep
        add(Crop.POTATO, 75, 175, 0.15, 0.80, 0.10, 1.6);       // spring potato: planted Mar, harvest Jun-Jul
        add(Crop.SUGARCANE, 100, 370, 0.20, 0.85, 0.05, 1.0);   // sugarcane, Guangxi: spring planting, harvest Dec-Mar
        add(Crop.TEA, 70, 320, 0.50, 0.70, 0.05, 0.7);          // evergreen tea, flushes Mar-Oct
        add(Crop.CITRUS, 80, 330, 0.55, 0.75, 0.04, 0.8);       // evergreen citrus
        add(Crop.VEGETABLES, 60, 300, 0.30, 0.75, 0.12, 1.0);   // mixed vegetables, several short cycles
        add(Crop.TOBACCO, 100, 210, 0.15, 0.76, 0.13, 0.9);     // flue-cured tobacco: transplant Apr, leaves picked Jul-Aug
        add(Crop.SORGHUM, 135, 268, 0.15, 0.72, 0.07, 1.2);     // spring sorghum, North/Northeast: sown May, harvest late Sep
        add(Crop.MILLET, 165, 240, 0.15, 0.66, 0.12, 1.0);      // foxtail millet (谷子), North: sown Jun, harvest Sep, sparse canopy
    }

    private static void add(Crop crop, int greenUp, int senescence, double base, double peak, double steepness, double yieldResponse) {
        CURVES.put(crop, new CropCurve(crop, greenUp, senescence, base, peak, steepness, yieldResponse));
    }

    /** NDVI on a day of the year for a plot whose health scales the amplitude. */
    double ndvi(int doy, double health) {
        double rise = 1.0 / (1.0 + Math.exp(-steepness * (doy - greenUpDoy)));
        double fall = 1.0 / (1.0 + Math.exp(-steepness * (doy - senescenceDoy)));
        return base + (peak * health - base) * (rise - fall);
    }
}
