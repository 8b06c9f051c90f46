package org.greencredit.core.units;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.greencredit.core.request.Activity;

/**
 * The units activity lines may use, each with its size in the base unit of its dimension
 * (kWh, m3, t, L). Conversion factors are SI definitions, not data: 1 GJ = 10^9 J / 3.6 MJ per kWh.
 */
public enum Unit {
    KWH("kWh", Dimension.ENERGY, 1.0),
    MWH("MWh", Dimension.ENERGY, 1_000.0),
    GJ("GJ", Dimension.ENERGY, 1_000.0 / 3.6),
    MJ("MJ", Dimension.ENERGY, 1.0 / 3.6),
    M3("m3", Dimension.VOLUME, 1.0),
    TEN_THOUSAND_M3("10^4 m3", Dimension.VOLUME, 10_000.0),
    T("t", Dimension.MASS, 1.0),
    KG("kg", Dimension.MASS, 0.001),
    L("L", Dimension.LIQUID_VOLUME, 1.0);

    private static final Map<String, Unit> BY_SYMBOL = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(u -> normalise(u.symbol), Function.identity()));
    /**
     * Other spellings, the Chinese names on bills and delivery notes among them: 度 is what a Chinese electricity bill
     * calls a kilowatt-hour (1 度 = 1 kWh), and firms type what their bills say.
     */
    private static final Map<String, Unit> ALIASES = Map.ofEntries(
            Map.entry("万m3", TEN_THOUSAND_M3), Map.entry("1e4m3", TEN_THOUSAND_M3), Map.entry("m³", M3), Map.entry("10^4m³", TEN_THOUSAND_M3),
            Map.entry("l", L), Map.entry("tonne", T), Map.entry("kwh", KWH), Map.entry("mwh", MWH),
            Map.entry("度", KWH), Map.entry("千瓦时", KWH), Map.entry("千瓦·时", KWH), Map.entry("兆瓦时", MWH), Map.entry("吉焦", GJ),
            Map.entry("兆焦", MJ), Map.entry("立方米", M3), Map.entry("方", M3), Map.entry("万立方米", TEN_THOUSAND_M3),
            Map.entry("万方", TEN_THOUSAND_M3), Map.entry("吨", T), Map.entry("千克", KG), Map.entry("公斤", KG), Map.entry("升", L));
    private static final List<Activity> LIQUID_FUELS = List.of(Activity.DIESEL, Activity.GASOLINE, Activity.FUEL_OIL, Activity.LPG);

    private final String symbol;
    private final Dimension dimension;
    private final double inBaseUnit;
    private final String factorLabel;

    Unit(String symbol, Dimension dimension, double inBaseUnit) {
        this.symbol = symbol;
        this.factorLabel = "kgCO2e/" + symbol;
        this.dimension = dimension;
        this.inBaseUnit = inBaseUnit;
    }

    public String symbol() {
        return symbol;
    }

    /** The label of an emission factor per this unit, e.g. {@code kgCO2e/kWh}. */
    public String factorLabel() {
        return factorLabel;
    }

    public Dimension dimension() {
        return dimension;
    }

    /** Parses a unit symbol such as {@code kWh}, {@code 10^4 m3} or {@code t}; spaces are ignored. */
    public static Unit parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UnitException("unit is missing");
        }
        String key = normalise(text);
        Unit unit = BY_SYMBOL.get(key);
        if (unit == null) {
            unit = ALIASES.get(key);
        }
        if (unit == null) {
            unit = ALIASES.get(key.toLowerCase(Locale.ROOT));
        }
        if (unit == null) {
            throw new UnitException("unknown unit '" + text + "'; known units: "
                    + Arrays.stream(values()).map(Unit::symbol).collect(Collectors.joining(", ")));
        }
        return unit;
    }

    /** Throws when this unit cannot measure the given activity, e.g. litres of coal or m3 of electricity. */
    public Unit requireFits(Activity activity) {
        boolean fits = dimension == activity.dimension()
                || (dimension == Dimension.LIQUID_VOLUME && LIQUID_FUELS.contains(activity));
        if (!fits) {
            throw new UnitException("unit '" + symbol + "' (" + dimension.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ") does not fit " + activity + ", which is measured in " + activity.dimension().name().toLowerCase(Locale.ROOT)
                    + (LIQUID_FUELS.contains(activity) ? " or litres" : ""));
        }
        return this;
    }

    /** Converts a quantity in this unit to the target unit of the same dimension. */
    public double convert(double quantity, Unit target) {
        if (target.dimension != dimension) {
            throw new UnitException("cannot convert " + symbol + " to " + target.symbol + ": different dimensions");
        }
        return quantity * inBaseUnit / target.inBaseUnit;
    }

    /** Converts litres of a liquid to tonnes with a density in kg/L. */
    public double litresToTonnes(double litres, double densityKgPerLitre) {
        if (this != L) {
            throw new UnitException("litresToTonnes applies to L, not " + symbol);
        }
        return litres * densityKgPerLitre / 1_000.0;
    }

    private static String normalise(String symbol) {
        return symbol.indexOf(' ') < 0 ? symbol : symbol.replace(" ", "");
    }
}
