package org.greencredit.datasets.synthetic;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.greencredit.core.carbon.FactorCatalog;
import org.greencredit.core.carbon.Rounding;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.Certification;
import org.greencredit.core.request.CreditFeatures;
import org.greencredit.core.request.Crop;
import org.greencredit.core.request.Evidence;
import org.greencredit.core.request.GreenBehaviours;
import org.greencredit.core.request.LoanPurpose;
import org.greencredit.core.request.LoanRequest;
import org.greencredit.core.request.NdviObservation;
import org.greencredit.core.request.Plot;
import org.greencredit.core.request.PolygonGeometry;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.greencredit.datasets.reference.Industry;
import org.greencredit.datasets.reference.ReferenceData;

/**
 * A seeded population of SMEs and farms. SME {@code i} depends only on the seed and {@code i},
 * so the first N of a larger population are the population of size N.
 *
 * <p>Calibration (see datasets/README.md): size classes and industry mix of Chinese micro and
 * small firms; energy use set from the industry benchmark of {@code industries.csv}, split into
 * electricity, gas and diesel by industry type and converted with the province's grid factor;
 * summer-peaking electricity and winter-peaking gas; one latent green propensity drives
 * behaviours, efficiency and default risk together; defaults drawn from {@link DefaultProcess}.
 */
public final class SyntheticPopulation {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private static final String[] PROVINCES = {"33", "32", "44", "37", "35", "41", "51", "42", "43", "34", "36", "13", "14", "53", "45", "11"};
    private static final double[] PROVINCE_WEIGHTS = {20, 10, 10, 8, 6, 6, 6, 5, 5, 5, 4, 4, 3, 3, 3, 2};
    /** Approximate agricultural centre (lon, lat) of each province above, for plot outlines. */
    private static final double[][] PROVINCE_CENTRES = {{119.9, 29.2}, {119.4, 33.0}, {113.3, 23.4}, {117.0, 36.3}, {118.0, 26.1},
        {113.6, 34.2}, {104.1, 30.4}, {113.0, 30.6}, {112.5, 27.6}, {117.2, 32.3}, {115.9, 28.2}, {115.5, 38.1}, {112.5, 37.6},
        {102.7, 25.0}, {108.3, 23.0}, {116.4, 40.0}};
    private static final String[] INDUSTRIES = {"C1391", "C1431", "C1711", "C1810", "C2110", "C2929", "C3311", "C3484", "C3989",
        "C3031", "E4710", "E5010", "F5191", "F5211", "G5430", "H6110", "H6210", "I6510", "L7299", "O8010"};
    private static final double[] INDUSTRY_WEIGHTS = {5, 6, 4, 5, 3, 4, 5, 4, 3, 2, 3, 3, 10, 14, 5, 3, 8, 4, 4, 4};
    private static final String[][] SPEND_BY_SECTION = {{"C", "PACKAGING", "STEEL"}, {"E", "CEMENT", "STEEL"},
        {"F", "PACKAGING", "FREIGHT"}, {"G", "VEHICLE_PARTS", "BUSINESS_SERVICES"}, {"H", "FOOD_INGREDIENTS", "CLEANING_SERVICES"},
        {"I", "IT_SERVICES", "OFFICE_SUPPLIES"}, {"L", "BUSINESS_SERVICES", "OFFICE_SUPPLIES"}, {"O", "CLEANING_SERVICES", "OFFICE_SUPPLIES"},
        {"A", "FERTILISER", "ANIMAL_FEED"}};
    private static final Crop[] SOUTH_CROPS = {Crop.RICE, Crop.RAPESEED, Crop.TEA, Crop.CITRUS, Crop.VEGETABLES, Crop.SUGARCANE, Crop.PEANUT, Crop.TOBACCO};
    private static final Crop[] NORTH_CROPS = {Crop.WHEAT, Crop.MAIZE, Crop.SOYBEAN, Crop.COTTON, Crop.POTATO, Crop.SORGHUM, Crop.MILLET, Crop.PEANUT, Crop.VEGETABLES};
    private static final double FARM_SHARE = 0.12;
    private static final double SQUARE_METRES_PER_MU = 10_000.0 / 15.0;
    private static final double METRES_PER_DEGREE = 111_320.0;

    private static final double ELECTRICITY_SPEND_SHARE = 0.5;
    /** Chance of an environmental penalty in three years for the least green firms, falling to 0 for the greenest. */
    private static final double PENALTY_RATE = 0.04;
    private static final double DISTORTED_TARIFF_MULTIPLE = 3.0;

    private final long seed;
    private final YearMonth lastMonth;
    private final int months;
    private final ReferenceData reference;
    private final double distortionRate;
    private final double falseCropRate;

    /**
     * @param lastMonth the most recent month of activity data
     * @param months    how many months of activity and flows each SME reports (24 allows year-on-year comparison)
     */
    public SyntheticPopulation(long seed, YearMonth lastMonth, int months, ReferenceData reference) {
        this(seed, lastMonth, months, reference, 0.0);
    }

    /** @param distortionRate share of carbon accounts given one {@link Distortion}, its kind drawn uniformly */
    public SyntheticPopulation(long seed, YearMonth lastMonth, int months, ReferenceData reference, double distortionRate) {
        this(seed, lastMonth, months, reference, distortionRate, 0.0);
    }

    private SyntheticPopulation(long seed, YearMonth lastMonth, int months, ReferenceData reference, double distortionRate,
                                double falseCropRate) {
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("months must be in 1..120, got " + months);
        }
        if (!(distortionRate >= 0 && distortionRate <= 1)) {
            throw new IllegalArgumentException("distortionRate must be in [0, 1], got " + distortionRate);
        }
        this.seed = seed;
        this.lastMonth = lastMonth;
        this.months = months;
        this.reference = reference;
        this.distortionRate = distortionRate;
        this.falseCropRate = falseCropRate;
    }

    /**
     * The same population with a share of farms declaring a crop they do not grow (another crop of
     * their region, on every plot). The choice is drawn from its own stream, so nothing else changes.
     */
    public SyntheticPopulation withFalseCropDeclarations(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("falseCropRate must be in [0, 1], got " + rate);
        }
        return new SyntheticPopulation(seed, lastMonth, months, reference, distortionRate, rate);
    }

    public SyntheticSme generate(long index) {
        SplittableRandom random = new SplittableRandom(seed * GOLDEN + index * 0xBF58476D1CE4E5B9L + 1);
        double green = Math.pow(random.nextDouble(), 0.9);
        boolean farm = random.nextDouble() < FARM_SHARE;
        int p = pick(random, PROVINCE_WEIGHTS);
        String province = PROVINCES[p];
        String industryCode = farm ? "A0111" : INDUSTRIES[pick(random, INDUSTRY_WEIGHTS)];
        Industry industry = reference.industry(industryCode.substring(1, 3));
        SizeClass size = farm ? SizeClass.MICRO : pickSize(random);
        double years = 0.5 + random.nextDouble() * (size == SizeClass.MICRO ? 12 : 25);
        LocalDate founded = lastMonth.atEndOfMonth().minusDays(Math.round(years * 365.25));
        double revenue = revenue(random, size, farm);
        String id = String.format(Locale.ROOT, "SYN%015d", index);
        Sme sme = new Sme(id, (farm ? "合成农户 " : "合成企业 ") + index, province + "0100", industryCode, size, founded);

        FarmPlots plots = farm ? plots(random, p, province, revenue) : null;
        boolean thinCarbon = random.nextDouble() < 0.10;
        boolean thinBehaviour = random.nextDouble() < 0.08;
        boolean thinCredit = random.nextDouble() < 0.05;
        // Drawn for every SME, used or not, so that the distortion rate does not shift anything else.
        double distortionDraw = random.nextDouble();
        Distortion distortion = !thinCarbon && distortionDraw < distortionRate
                ? Distortion.values()[(int) (distortionDraw / distortionRate * Distortion.values().length)] : null;
        CarbonAccount carbon = thinCarbon ? null : carbonAccount(random, province, industry, revenue, green, distortion);
        GreenBehaviours behaviours = thinBehaviour ? null : behaviours(random, green, size);
        Flows flows = flows(random, revenue);
        double debt = revenue * random.nextDouble() * (0.2 + 0.6 * random.nextDouble());
        int pastDue = random.nextDouble() < 0.8 ? 0 : (int) Math.min(365, Math.round(-Math.log(random.nextDouble()) * 25));
        double taxShare = Math.max(0, 0.005 + 0.02 * random.nextDouble() - (random.nextDouble() < 0.1 ? 0.02 : 0));
        CreditFeatures credit = thinCredit ? null : new CreditFeatures(flows.inflows, flows.outflows,
                (int) Math.round(revenue / (800 + 4_000 * random.nextDouble())), Rounding.cny(revenue * taxShare), Rounding.cny(debt),
                pastDue, Rounding.cny(years));
        double amount = Math.round(revenue * (0.05 + 0.2 * random.nextDouble()) / 1_000.0) * 1_000.0;
        LoanRequest loan = new LoanRequest(Math.max(10_000.0, amount), farm ? 12 : 6 + 6 * random.nextInt(4),
                farm ? LoanPurpose.AGRICULTURAL_INPUTS : green > 0.7 ? LoanPurpose.GREEN_UPGRADE : LoanPurpose.WORKING_CAPITAL);

        double leverage = debt / Math.max(1.0, flows.annualInflow);
        double pd = DefaultProcess.pd(leverage, pastDue, flows.cv, flows.growth, years, taxShare, green,
                size == SizeClass.MICRO, plots == null ? 0.0 : plots.health - 0.8);
        boolean defaulted = random.nextDouble() < pd;
        List<Plot> declaredPlots = plots == null ? null : declare(plots.plots, index, p);
        RatingRequest request = new RatingRequest(sme, carbon, behaviours, credit, declaredPlots, loan);
        return new SyntheticSme(request, new GroundTruth(id, pd, defaulted, Rounding.ratio(green), farm,
                plots == null ? null : plots.plots.get(0).declaredCrop().name(),
                declaredPlots != null && declaredPlots.get(0).declaredCrop() != plots.plots.get(0).declaredCrop(),
                distortion == null ? null : distortion.name(),
                new GroundTruth.CreditDrivers(revenue, flows.cv, flows.growth, taxShare, leverage, pastDue, years)));
    }

    private static SizeClass pickSize(SplittableRandom random) {
        double u = random.nextDouble();
        return u < 0.70 ? SizeClass.MICRO : u < 0.95 ? SizeClass.SMALL : SizeClass.MEDIUM;
    }

    private static double revenue(SplittableRandom random, SizeClass size, boolean farm) {
        double median = farm ? 300_000 : switch (size) {
            case MICRO -> 1_500_000;
            case SMALL -> 12_000_000;
            default -> 80_000_000;
        };
        return Math.round(median * Math.exp(0.6 * Gaussian.next(random)) / 1_000.0) * 1_000.0;
    }

    private CarbonAccount carbonAccount(SplittableRandom random, String province, Industry industry, double revenue, double green,
                                        Distortion distortion) {
        double efficiency = Math.exp(0.35 * Gaussian.next(random)) * (1.0 - 0.3 * green);
        double annualKg = industry.benchmarkKgPer10kCny() * revenue / 10_000.0 * efficiency;
        char section = industry.section();
        double electricityShare = reference.electricityShare(section);
        double gasShare = section == 'H' || section == 'C' ? (1 - electricityShare) * 0.6 : 0;
        double dieselShare = 1 - electricityShare - gasShare;
        double yearlyDecline = 0.02 + 0.05 * green + 0.04 * Gaussian.next(random);
        FactorCatalog factors = reference;
        List<ActivityLine> lines = new ArrayList<>();
        Evidence electricityEvidence = random.nextDouble() < 0.6 ? Evidence.METER : Evidence.BILL;
        boolean reportsSpend = random.nextDouble() < ELECTRICITY_SPEND_SHARE;
        double tariff = 0.55 + 0.4 * random.nextDouble();
        String[] spend = spendCategories(section);
        for (int m = months - 1; m >= 0; m--) {
            YearMonth month = lastMonth.minusMonths(m);
            double trend = Math.pow(1 - yearlyDecline, -m / 12.0);
            double summer = 1 + 0.15 * Math.cos(2 * Math.PI * (month.getMonthValue() - 7) / 12.0);
            double winter = 1 + 0.30 * Math.cos(2 * Math.PI * (month.getMonthValue() - 1) / 12.0);
            double monthKg = annualKg / 12.0 * trend;
            double kwh = monthKg * electricityShare * summer * noise(random, 0.05) / factors.electricity(province, month.getYear()).kgCo2ePerUnit();
            lines.add(new ActivityLine(month, Activity.ELECTRICITY, Rounding.cny(kwh), "kWh", null,
                    reportsSpend ? Rounding.cny(kwh * tariff) : null, electricityEvidence));
            if (gasShare > 0) {
                double m3 = monthKg * gasShare * winter * noise(random, 0.08) / factors.fuel(Activity.NATURAL_GAS).kgCo2ePerUnit();
                lines.add(new ActivityLine(month, Activity.NATURAL_GAS, Rounding.cny(m3), "m3", null, null, Evidence.INVOICE));
            }
            if (dieselShare > 0.01) {
                double tonnes = monthKg * dieselShare * noise(random, 0.10) / factors.fuel(Activity.DIESEL).kgCo2ePerUnit();
                lines.add(new ActivityLine(month, Activity.DIESEL, Rounding.ratio(tonnes), "t", null, null,
                        random.nextDouble() < 0.7 ? Evidence.INVOICE : Evidence.SELF_REPORTED));
            }
            for (String category : spend) {
                double cny = revenue / 12.0 * (0.04 + 0.06 * random.nextDouble());
                lines.add(new ActivityLine(month, Activity.PURCHASED_GOODS, null, null, category, Rounding.cny(cny), Evidence.INVOICE));
            }
        }
        if (distortion != null) {
            distort(lines, distortion, tariff);
        }
        return new CarbonAccount(revenue, null, lines);
    }

    private static void distort(List<ActivityLine> lines, Distortion distortion, double tariff) {
        List<Integer> electricity = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).activity() == Activity.ELECTRICITY) {
                electricity.add(i);
            }
        }
        int n = electricity.size();
        for (int k = 0; k < n; k++) {
            int i = electricity.get(k);
            ActivityLine l = lines.get(i);
            double q = l.quantity();
            double spend = l.spendCny() == null ? 0 : l.spendCny();
            switch (distortion) {
                case COPIED_MONTHS -> q = k >= n - 4 ? lines.get(electricity.get(Math.max(0, n - 4))).quantity() : q;
                case UNDER_REPORTED -> q = Rounding.cny(q * 0.1);
                case INFLATED -> q = Rounding.cny(q * 6);
                case SUDDEN_DROP -> q = k >= n - 3 ? Rounding.cny(q * 0.3) : q;
                case TARIFF_MISMATCH -> spend = Rounding.cny(q * tariff * DISTORTED_TARIFF_MULTIPLE);
                default -> { }
            }
            boolean keepsSpend = distortion == Distortion.TARIFF_MISMATCH || l.spendCny() != null;
            lines.set(i, new ActivityLine(l.month(), l.activity(), q, l.unit(), l.category(),
                    keepsSpend ? Rounding.cny(distortion == Distortion.TARIFF_MISMATCH ? spend : q * tariff) : null, l.evidence()));
        }
        if (distortion == Distortion.ZERO_ENERGY) {
            for (int i = 0; i < lines.size(); i++) {
                ActivityLine l = lines.get(i);
                if (!l.activity().isSpendBased()) {
                    lines.set(i, new ActivityLine(l.month(), l.activity(), 0.0, l.unit(), l.category(), null, l.evidence()));
                }
            }
        }
    }

    private static String[] spendCategories(char section) {
        for (String[] row : SPEND_BY_SECTION) {
            if (row[0].charAt(0) == section) {
                return new String[] {row[1], row[2]};
            }
        }
        return new String[] {"OFFICE_SUPPLIES"};
    }

    private static GreenBehaviours behaviours(SplittableRandom random, double green, SizeClass size) {
        List<Certification> certifications = new ArrayList<>();
        double sizeBoost = size == SizeClass.MICRO ? 0.5 : 1.0;
        if (random.nextDouble() < 0.35 * green * sizeBoost) {
            certifications.add(Certification.ISO14001);
        }
        if (random.nextDouble() < 0.15 * green * sizeBoost) {
            certifications.add(Certification.CHINA_ENVIRONMENTAL_LABEL);
        }
        if (random.nextDouble() < 0.05 * green * sizeBoost) {
            certifications.add(Certification.GREEN_FACTORY);
        }
        return new GreenBehaviours(
                share(0.3 + 0.6 * green + 0.1 * Gaussian.next(random)),
                share(0.2 + 0.7 * green + 0.12 * Gaussian.next(random)),
                share(0.5 * green * random.nextDouble()),
                share(green > 0.7 ? 0.3 * random.nextDouble() : 0.05 * random.nextDouble()),
                random.nextDouble() < 0.2 + 0.6 * green,
                certifications,
                random.nextDouble() < PENALTY_RATE * (1 - green) ? 1 : 0);
    }

    private record Flows(List<Double> inflows, List<Double> outflows, double annualInflow, double cv, double growth) {
    }

    private Flows flows(SplittableRandom random, double revenue) {
        int n = Math.min(months, 12);
        double cv = Math.min(0.8, Math.exp(-2.3 + 0.5 * Gaussian.next(random)));
        double growth = 0.02 + 0.1 * Gaussian.next(random);
        List<Double> inflows = new ArrayList<>();
        List<Double> outflows = new ArrayList<>();
        double sum = 0;
        double sumSq = 0;
        for (int m = n - 1; m >= 0; m--) {
            double level = revenue / 12.0 * Math.pow(1 + growth, -m / 12.0);
            double in = Math.max(0, level * (1 + cv * Gaussian.next(random)));
            inflows.add(Rounding.cny(in));
            outflows.add(Rounding.cny(in * (0.88 + 0.08 * random.nextDouble())));
            sum += in;
            sumSq += in * in;
        }
        double mean = sum / n;
        double observedCv = mean > 0 ? Math.sqrt(Math.max(0, sumSq / n - mean * mean)) / mean : 0;
        return new Flows(inflows, outflows, sum * 12.0 / n, observedCv, growth);
    }

    private record FarmPlots(List<Plot> plots, double health) {
    }

    private FarmPlots plots(SplittableRandom random, int provinceIndex, String province, double revenue) {
        double[] centre = PROVINCE_CENTRES[provinceIndex];
        Crop[] options = centre[1] < 32.0 ? SOUTH_CROPS : NORTH_CROPS;
        Crop crop = options[random.nextInt(options.length)];
        double health = Math.max(0.4, Math.min(1.1, 0.85 + 0.12 * Gaussian.next(random)));
        int count = 1 + random.nextInt(3);
        List<Plot> plots = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double areaMu = 2 + 38 * random.nextDouble();
            double lon = centre[0] + (random.nextDouble() - 0.5) * 1.0;
            double lat = centre[1] + (random.nextDouble() - 0.5) * 1.0;
            double side = Math.sqrt(areaMu * SQUARE_METRES_PER_MU);
            double dLat = side / METRES_PER_DEGREE;
            double dLon = side / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)));
            List<List<List<Double>>> rings = List.of(List.of(
                    List.of(round6(lon), round6(lat)), List.of(round6(lon + dLon), round6(lat)),
                    List.of(round6(lon + dLon), round6(lat + dLat)), List.of(round6(lon), round6(lat + dLat)),
                    List.of(round6(lon), round6(lat))));
            double declared = areaMu * (random.nextDouble() < 0.05 ? 1.4 : 1 + 0.03 * Gaussian.next(random));
            plots.add(new Plot("P" + (k + 1), crop, Rounding.cny(declared), new PolygonGeometry("Polygon", rings),
                    ndvi(random, crop, health)));
        }
        return new FarmPlots(plots, health);
    }

    /** The plots as declared: truthfully, or (at the false-declaration rate) all as another crop of the region. */
    private List<Plot> declare(List<Plot> plots, long index, int provinceIndex) {
        SplittableRandom random = new SplittableRandom(seed * GOLDEN + index * 0xBF58476D1CE4E5B9L + 2);
        if (!(random.nextDouble() < falseCropRate)) {
            return plots;
        }
        Crop grown = plots.get(0).declaredCrop();
        Crop[] options = PROVINCE_CENTRES[provinceIndex][1] < 32.0 ? SOUTH_CROPS : NORTH_CROPS;
        Crop declared = grown;
        while (declared == grown) {
            declared = options[random.nextInt(options.length)];
        }
        List<Plot> out = new ArrayList<>(plots.size());
        for (Plot plot : plots) {
            out.add(new Plot(plot.id(), declared, plot.declaredAreaMu(), plot.geometry(), plot.ndvi()));
        }
        return out;
    }

    private List<NdviObservation> ndvi(SplittableRandom random, Crop crop, double health) {
        CropCurve curve = CropCurve.CURVES.get(crop);
        int year = lastMonth.getYear();
        List<NdviObservation> series = new ArrayList<>();
        for (LocalDate date = LocalDate.of(year, 1, 5); !date.isAfter(lastMonth.atEndOfMonth()) && date.getYear() == year;
                date = date.plusDays(10)) {
            boolean cloudy = random.nextDouble() < 0.2;
            double value = curve.ndvi(date.getDayOfYear(), health) + 0.03 * Gaussian.next(random);
            if (cloudy) {
                value *= 0.3 + 0.4 * random.nextDouble();
            }
            series.add(new NdviObservation(date, Rounding.ratio(Math.max(-1, Math.min(1, value))), cloudy));
        }
        return series;
    }

    private static int pick(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }


    private static double noise(SplittableRandom random, double sd) {
        return Math.max(0.2, 1 + sd * Gaussian.next(random));
    }

    private static double share(double x) {
        return Rounding.ratio(Math.max(0, Math.min(1, x)));
    }

    private static double round6(double x) {
        return Math.round(x * 1_000_000.0) / 1_000_000.0;
    }
}
