package org.greencredit.datasets.reference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.greencredit.core.carbon.AnomalyThresholds;
import org.greencredit.core.carbon.Factor;
import org.greencredit.core.carbon.FactorCatalog;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.Crop;
import org.greencredit.core.request.Evidence;
import org.greencredit.core.units.Dimension;
import org.greencredit.core.units.Unit;
import org.greencredit.core.validation.ReferenceCodes;
import org.greencredit.datasets.csv.CsvFormatException;

/**
 * All reference tables of the engine, loaded once from the classpath and immutable after.
 * Its {@link #version()} is a hash of every table's bytes, so a rating names the exact
 * figures it used.
 */
public final class ReferenceData implements FactorCatalog, ReferenceCodes {
    private static final double CO2_PER_C = 44.0 / 12.0;

    private final Map<String, Province> provinces = new LinkedHashMap<>();
    private final Map<String, NavigableMap<Integer, GridRow>> grid = new HashMap<>();
    private final Map<Activity, Factor> fuels = new EnumMap<>(Activity.class);
    private final Map<Activity, Double> densities = new EnumMap<>(Activity.class);
    private Factor heat;
    private final Map<String, SpendRow> spend = new LinkedHashMap<>();
    private final Map<Integer, Double> cnyPerUsd = new HashMap<>();
    private final Map<Evidence, Integer> physicalQuality = new EnumMap<>(Evidence.class);
    private final Map<Evidence, Integer> spendQuality = new EnumMap<>(Evidence.class);
    private final Map<String, Industry> industries = new LinkedHashMap<>();
    private final List<EfficiencyLevel> levels;
    private final Map<Crop, CropReference> crops = new EnumMap<>(Crop.class);
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<Character, Double> electricityShares = new HashMap<>();
    private final double tariffMin;
    private final double tariffMax;
    /** Grid factors by province and year, resolved once: the source text is built per lookup otherwise. */
    private final Map<String, Map<Integer, Factor>> electricityCache = new ConcurrentHashMap<>();
    /** Spend factors per CNY, resolved at load: their source text names the NAICS code and the exchange rate. */
    private final Map<String, Factor> spendFactors = new HashMap<>();
    private final String version;

    private record GridRow(double kgPerKwh, String source, String verification) {
    }

    private record SpendRow(double kgPerUsd, int usdYear, String naics, String source, String nameZh, String nameEn) {
    }

    private ReferenceData() {
        ReferenceTable provinceTable = ReferenceTable.load("provinces.csv", "code", "name_zh", "name_en", "grid_region");
        for (ReferenceTable.Row r : provinceTable.rows()) {
            provinces.put(r.text("code"), new Province(r.text("code"), r.text("name_zh"), r.text("name_en"), r.text("grid_region")));
        }
        ReferenceTable gridTable = ReferenceTable.load("grid_emission_factors.csv", "area", "year", "kg_co2_per_kwh", "verification");
        for (ReferenceTable.Row r : gridTable.rows()) {
            grid.computeIfAbsent(r.text("area"), k -> new TreeMap<>())
                    .put(r.integer("year"), new GridRow(r.number("kg_co2_per_kwh"), r.text("source"), r.text("verification")));
        }
        require(grid.containsKey("national"), "grid_emission_factors.csv: no national row");
        for (String code : provinces.keySet()) {
            require(grid.containsKey(code), "grid_emission_factors.csv: no factor for province " + code);
        }
        ReferenceTable fuelTable = ReferenceTable.load("fuel_factors.csv", "activity", "ncv", "ncv_unit",
                "carbon_content_tc_per_tj", "oxidation_rate", "density_kg_per_l", "edition_year");
        for (ReferenceTable.Row r : fuelTable.rows()) {
            Activity activity = activity(r, "activity");
            fuels.put(activity, fuelFactor(r, activity));
            if (!r.isBlank("density_kg_per_l")) {
                densities.put(activity, r.number("density_kg_per_l"));
            }
        }
        ReferenceTable heatTable = ReferenceTable.load("heat_factors.csv", "activity", "kg_co2_per_gj", "edition_year");
        ReferenceTable.Row heatRow = heatTable.rows().get(0);
        heat = new Factor(heatRow.number("kg_co2_per_gj"), Unit.GJ.symbol(), heatRow.text("source"), heatRow.integer("edition_year"));
        ReferenceTable rates = ReferenceTable.load("exchange_rates.csv", "year", "cny_per_usd");
        for (ReferenceTable.Row r : rates.rows()) {
            cnyPerUsd.put(r.integer("year"), r.number("cny_per_usd"));
        }
        ReferenceTable spendTable = ReferenceTable.load("spend_categories.csv", "category", "name_zh", "name_en", "naics_code",
                "kg_co2e_per_usd", "usd_year");
        for (ReferenceTable.Row r : spendTable.rows()) {
            SpendRow row = new SpendRow(r.number("kg_co2e_per_usd"), r.integer("usd_year"), r.text("naics_code"), r.text("source"),
                    r.text("name_zh"), r.text("name_en"));
            if (!cnyPerUsd.containsKey(row.usdYear())) {
                throw new CsvFormatException(r.where("usd_year") + ": no exchange rate for " + row.usdYear() + " in exchange_rates.csv");
            }
            spend.put(r.text("category"), row);
            double rate = cnyPerUsd.get(row.usdYear());
            spendFactors.put(r.text("category"), new Factor(row.kgPerUsd() / rate, "CNY",
                    row.source() + " [NAICS " + row.naics() + ", " + row.usdYear() + " USD at " + rate + " CNY/USD]", row.usdYear()));
        }
        ReferenceTable quality = ReferenceTable.load("data_quality_scores.csv", "basis", "evidence", "score");
        for (ReferenceTable.Row r : quality.rows()) {
            Evidence evidence;
            try {
                evidence = Evidence.valueOf(r.text("evidence"));
            } catch (IllegalArgumentException e) {
                throw new CsvFormatException(r.where("evidence") + ": unknown evidence '" + r.text("evidence") + "'", e);
            }
            switch (r.text("basis")) {
                case "PHYSICAL" -> physicalQuality.put(evidence, r.integer("score"));
                case "SPEND" -> spendQuality.put(evidence, r.integer("score"));
                default -> throw new CsvFormatException(r.where("basis") + ": must be PHYSICAL or SPEND, got '" + r.text("basis") + "'");
            }
        }
        for (Evidence e : Evidence.values()) {
            require(physicalQuality.containsKey(e) && spendQuality.containsKey(e), "data_quality_scores.csv: no score for evidence " + e);
        }
        ReferenceTable industryTable = ReferenceTable.load("industries.csv", "section", "division", "name_zh", "name_en",
                "benchmark_kg_co2e_per_10k_cny", "benchmark_method");
        for (ReferenceTable.Row r : industryTable.rows()) {
            industries.put(r.text("division"), new Industry(r.text("section").charAt(0), r.text("division"), r.text("name_zh"),
                    r.text("name_en"), r.number("benchmark_kg_co2e_per_10k_cny"), r.text("benchmark_method"), r.text("source")));
        }
        ReferenceTable levelTable = ReferenceTable.load("carbon_efficiency_levels.csv", "level", "k_max", "label_zh", "label_en");
        levels = levelTable.rows().stream()
                .map(r -> new EfficiencyLevel(r.integer("level"), r.isBlank("k_max") ? null : r.number("k_max"),
                        r.text("label_zh"), r.text("label_en"), r.text("source")))
                .toList();
        ReferenceTable cropTable = ReferenceTable.load("crops.csv", "crop", "name_zh", "name_en", "yield_kg_per_mu",
                "price_cny_per_kg", "loan_to_value", "harvest_month", "typical_peak_ndvi");
        for (ReferenceTable.Row r : cropTable.rows()) {
            Crop crop = Crop.valueOf(r.text("crop"));
            crops.put(crop, new CropReference(crop, r.text("name_zh"), r.text("name_en"), r.number("yield_kg_per_mu"),
                    r.number("price_cny_per_kg"), r.number("loan_to_value"), r.integer("harvest_month"),
                    r.number("typical_peak_ndvi"), r.text("source")));
        }
        for (Crop crop : Crop.values()) {
            require(crops.containsKey(crop), "crops.csv: no row for crop " + crop);
        }
        ReferenceTable parameterTable = ReferenceTable.load("parameters.csv", "name", "value", "unit");
        for (ReferenceTable.Row r : parameterTable.rows()) {
            parameters.put(r.text("name"), new Parameter(r.text("name"), r.number("value"), r.text("unit"), r.text("source")));
        }
        ReferenceTable mixTable = ReferenceTable.load("section_energy_mix.csv", "section", "electricity_share");
        for (ReferenceTable.Row r : mixTable.rows()) {
            electricityShares.put(r.text("section").charAt(0), r.number("electricity_share"));
        }
        for (Industry industry : industries.values()) {
            require(electricityShares.containsKey(industry.section()), "section_energy_mix.csv: no row for section " + industry.section());
        }
        ReferenceTable tariffTable = ReferenceTable.load("electricity_tariffs.csv", "area", "min_cny_per_kwh", "max_cny_per_kwh");
        ReferenceTable.Row national = tariffTable.rows().stream().filter(r -> r.text("area").equals("national")).findFirst()
                .orElseThrow(() -> new IllegalStateException("electricity_tariffs.csv: no national row"));
        tariffMin = national.number("min_cny_per_kwh");
        tariffMax = national.number("max_cny_per_kwh");
        version = "ref-" + hash(provinceTable, gridTable, fuelTable, heatTable, rates, spendTable, quality, industryTable,
                levelTable, cropTable, parameterTable, mixTable, tariffTable);
    }

    private static final class Holder {
        private static final ReferenceData INSTANCE = new ReferenceData();
    }

    /** The tables shipped on the classpath, loaded on first use. */
    public static ReferenceData shipped() {
        return Holder.INSTANCE;
    }

    private static Factor fuelFactor(ReferenceTable.Row r, Activity activity) {
        String ncvUnit = r.text("ncv_unit");
        if (!ncvUnit.startsWith("GJ/")) {
            throw new CsvFormatException(r.where("ncv_unit") + ": must be GJ per unit of fuel, got '" + ncvUnit + "'");
        }
        Unit per = Unit.parse(ncvUnit.substring(3)).requireFits(activity);
        Unit base = per.dimension() == Dimension.VOLUME ? Unit.M3 : Unit.T;
        // NCV (GJ/unit) x carbon content (tC/TJ = kgC/GJ) x oxidation x 44/12 = kgCO2 per unit, then per base unit.
        double kgPerNcvUnit = r.number("ncv") * r.number("carbon_content_tc_per_tj") * r.number("oxidation_rate") * CO2_PER_C;
        double kgPerBase = kgPerNcvUnit / per.convert(1.0, base);
        return new Factor(kgPerBase, base.symbol(), r.text("source"), r.integer("edition_year"));
    }

    private static Activity activity(ReferenceTable.Row r, String column) {
        try {
            return Activity.valueOf(r.text(column));
        } catch (IllegalArgumentException e) {
            throw new CsvFormatException(r.where(column) + ": unknown activity '" + r.text(column) + "'", e);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static String hash(ReferenceTable... tables) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (ReferenceTable t : tables) {
                digest.update(t.name().getBytes(StandardCharsets.UTF_8));
                digest.update(t.content());
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- FactorCatalog

    @Override
    public Factor electricity(String provinceCode, int year) {
        return electricityCache.computeIfAbsent(provinceCode, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(year, y -> resolveElectricity(provinceCode, y));
    }

    private Factor resolveElectricity(String provinceCode, int year) {
        NavigableMap<Integer, GridRow> province = grid.get(provinceCode);
        NavigableMap<Integer, GridRow> national = grid.get("national");
        if (province != null && province.containsKey(year)) {
            return gridFactor(province.get(year), year, "province " + provinceCode);
        }
        if (national.containsKey(year)) {
            return gridFactor(national.get(year), year, "national average: no provincial factor published for " + year);
        }
        if (province != null && province.floorKey(year) != null) {
            int latest = province.floorKey(year);
            return gridFactor(province.get(latest), latest, "province " + provinceCode + ", latest published year before " + year);
        }
        Integer nearest = national.floorKey(year) != null ? national.floorKey(year) : national.firstKey();
        return gridFactor(national.get(nearest), nearest, "national average of the nearest published year to " + year);
    }

    private static Factor gridFactor(GridRow row, int year, String basis) {
        return new Factor(row.kgPerKwh(), Unit.KWH.symbol(), row.source() + " [" + basis + "]", year);
    }

    @Override
    public Factor heat(int year) {
        return heat;
    }

    @Override
    public Factor fuel(Activity fuel) {
        Factor f = fuels.get(fuel);
        if (f == null) {
            throw new IllegalArgumentException("no combustion factor for " + fuel + " in fuel_factors.csv");
        }
        return f;
    }

    @Override
    public double densityKgPerLitre(Activity fuel) {
        Double d = densities.get(fuel);
        if (d == null) {
            throw new IllegalArgumentException("no density for " + fuel + " in fuel_factors.csv: give it in t, not L");
        }
        return d;
    }

    @Override
    public Factor spendPerCny(String category, int year) {
        Factor f = spendFactors.get(category);
        if (f == null) {
            throw new IllegalArgumentException("unknown spend category '" + category + "'; known: " + spend.keySet());
        }
        return f;
    }

    @Override
    public int dataQuality(boolean spendBased, Evidence evidence) {
        return (spendBased ? spendQuality : physicalQuality).get(evidence);
    }

    @Override
    public String version() {
        return version;
    }

    // ---- ReferenceCodes

    @Override
    public boolean isKnownRegion(String gbt2260Code) {
        return gbt2260Code != null && gbt2260Code.length() == 6 && provinces.containsKey(gbt2260Code.substring(0, 2));
    }

    @Override
    public boolean isKnownIndustry(String gbt4754Code) {
        if (gbt4754Code == null || gbt4754Code.length() < 3) {
            return false;
        }
        Industry industry = industries.get(gbt4754Code.substring(1, 3));
        return industry != null && industry.section() == gbt4754Code.charAt(0);
    }

    @Override
    public boolean isKnownSpendCategory(String category) {
        return spend.containsKey(category);
    }

    @Override
    public Collection<String> spendCategories() {
        return Collections.unmodifiableSet(spend.keySet());
    }

    // ---- other tables

    /** Each spend category with its Chinese and English names, in the table's order. */
    public List<SpendCategory> spendCategoryNames() {
        return spend.entrySet().stream().map(e -> new SpendCategory(e.getKey(), e.getValue().nameZh(), e.getValue().nameEn())).toList();
    }

    public Province province(String code) {
        return provinces.get(code);
    }

    public Collection<Province> provinces() {
        return Collections.unmodifiableCollection(provinces.values());
    }

    public Industry industry(String division) {
        return industries.get(division);
    }

    public Collection<Industry> industries() {
        return Collections.unmodifiableCollection(industries.values());
    }

    public List<EfficiencyLevel> efficiencyLevels() {
        return levels;
    }

    /** The carbon-efficiency level (1..5) of a carbon-efficiency value K, by the cut-offs of the table. */
    public int efficiencyLevelOf(double k) {
        for (EfficiencyLevel level : levels) {
            if (level.kMax() == null || k <= level.kMax()) {
                return level.level();
            }
        }
        throw new IllegalStateException("carbon_efficiency_levels.csv has no open-ended last level");
    }

    public CropReference crop(Crop crop) {
        return crops.get(crop);
    }

    /** Share of scope 1+2 emissions from electricity typical of a GB/T 4754 section (estimate, see the table). */
    public double electricityShare(char section) {
        return electricityShares.get(section);
    }

    public double tariffMinCnyPerKwh() {
        return tariffMin;
    }

    public double tariffMaxCnyPerKwh() {
        return tariffMax;
    }

    /** The distortion-check cut-offs of {@code parameters.csv}. */
    public AnomalyThresholds anomalyThresholds() {
        return new AnomalyThresholds((int) parameter("carbon.copiedMonths.minRun").value(),
                parameter("carbon.electricity.ratioLow").value(), parameter("carbon.electricity.ratioHigh").value(),
                parameter("carbon.suddenDrop.share").value(), (int) parameter("carbon.suddenDrop.months").value());
    }

    public Parameter parameter(String name) {
        Parameter p = parameters.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' in parameters.csv");
        }
        return p;
    }
}
