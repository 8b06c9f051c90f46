package org.greencredit.core.carbon;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.greencredit.core.rating.Anomaly;
import org.greencredit.core.rating.CarbonAssessment;
import org.greencredit.core.rating.CarbonLine;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.GreenPowerPurchase;
import org.greencredit.core.units.Dimension;
import org.greencredit.core.units.Unit;

/**
 * Turns activity lines into kgCO2e by scope. Each line keeps the factor it used and that
 * factor's source; the account reports its physical-data share and an emission-weighted
 * data-quality score. Stateless and thread-safe.
 */
public final class CarbonAccountant {
    private static final String SPEND_FACTOR_LABEL = "kgCO2e/CNY";
    private final FactorCatalog factors;
    private final AnomalyChecks anomalyChecks;
    private final int annualisationMonths;

    public CarbonAccountant(FactorCatalog factors, AnomalyChecks anomalyChecks, int annualisationMonths) {
        this.factors = factors;
        this.anomalyChecks = anomalyChecks;
        this.annualisationMonths = annualisationMonths;
    }

    /** Accounts the lines of an SME in the given province and checks them. The request must have passed validation. */
    public CarbonAssessment account(String provinceCode, CarbonAccount account, AnomalyContext context) {
        List<CarbonLine> lines = new ArrayList<>(account.lines().size());
        double[] byScope = new double[4];
        double physicalKg = 0;
        double qualityWeighted = 0;
        Set<YearMonth> months = new TreeSet<>();
        for (ActivityLine line : account.lines()) {
            CarbonLine result = accountLine(provinceCode, line);
            lines.add(result);
            byScope[result.scope()] += result.kgCo2e();
            if (!line.activity().isSpendBased()) {
                physicalKg += result.kgCo2e();
            }
            qualityWeighted += result.kgCo2e() * result.dataQuality();
            months.add(line.month());
        }
        double total = byScope[1] + byScope[2] + byScope[3];
        Double physicalShare = total > 0 ? Rounding.ratio(physicalKg / total) : null;
        Double quality = total > 0 ? Rounding.ratio(qualityWeighted / total) : null;

        GreenPower green = greenPower(account, lines);
        double scope2MarketBased = byScope[2] - green.deductedKg();
        String basis = account.valueAddedCny() != null && account.valueAddedCny() > 0 ? "VALUE_ADDED" : "REVENUE";
        Double denominator = "VALUE_ADDED".equals(basis) ? account.valueAddedCny() : account.revenueCny();
        Double intensity = null;
        if (denominator != null && denominator > 0 && !months.isEmpty()) {
            // Scope 1+2 only, as the carbon-efficiency standard counts energy use (zero-carbon electricity deducted); scope 3 is
            // reported, not benchmarked.
            double annualKg = (byScope[1] + scope2MarketBased) * annualisationMonths / months.size();
            intensity = Rounding.kg(annualKg / (denominator / 10_000.0));
        }
        List<Anomaly> anomalies = anomalyChecks.check(account, lines, context);
        SortedMap<YearMonth, Double> monthlyEnergy = CarbonTrend.monthlyEnergyKg(lines);
        return new CarbonAssessment(Rounding.kg(byScope[1]), Rounding.kg(byScope[2]), Rounding.kg(byScope[3]),
                Rounding.kg(total), intensity, intensity == null ? null : basis, months.size(),
                CarbonTrend.yearOnYear(monthlyEnergy), CarbonTrend.trendPerYear(monthlyEnergy), physicalShare, quality, lines, anomalies,
                Rounding.kg(scope2MarketBased), Rounding.kg(green.kwh()));
    }

    /** Certified green kWh counted and the scope 2 they take off: per month, at most the electricity used, at its grid factor. */
    private record GreenPower(double kwh, double deductedKg) {
    }

    private static GreenPower greenPower(CarbonAccount account, List<CarbonLine> lines) {
        Map<YearMonth, Double> certified = new HashMap<>();
        for (GreenPowerPurchase p : account.greenPower()) {
            if (p.certified()) {
                certified.merge(p.month(), p.kwh(), Double::sum);
            }
        }
        if (certified.isEmpty()) {
            return new GreenPower(0, 0);
        }
        Map<YearMonth, Double> electricityKwh = electricityKwhByMonth(lines);
        Map<YearMonth, Double> electricityKg = new HashMap<>();
        for (CarbonLine line : lines) {
            if (line.activity().equals(Activity.ELECTRICITY.name())) {
                electricityKg.merge(line.month(), line.kgCo2e(), Double::sum);
            }
        }
        double kwh = 0;
        double kg = 0;
        for (Map.Entry<YearMonth, Double> e : certified.entrySet()) {
            double used = electricityKwh.getOrDefault(e.getKey(), 0.0);
            if (used <= 0) {
                continue;
            }
            double counted = Math.min(e.getValue(), used);
            kwh += counted;
            kg += electricityKg.get(e.getKey()) * counted / used;
        }
        return new GreenPower(kwh, kg);
    }

    /** The electricity the accounted lines show, in kWh, by month. */
    public static Map<YearMonth, Double> electricityKwhByMonth(List<CarbonLine> lines) {
        Map<YearMonth, Double> kwh = new HashMap<>();
        for (CarbonLine line : lines) {
            if (line.activity().equals(Activity.ELECTRICITY.name())) {
                kwh.merge(line.month(), Unit.parse(line.unit()).convert(line.quantity(), Unit.KWH), Double::sum);
            }
        }
        return kwh;
    }

    CarbonLine accountLine(String provinceCode, ActivityLine line) {
        Activity activity = line.activity();
        int year = line.month().getYear();
        int quality = factors.dataQuality(activity.isSpendBased(), line.evidenceOrDefault());
        if (activity.isSpendBased()) {
            Factor f = factors.spendPerCny(line.category(), year);
            double kg = line.spendCny() * f.kgCo2ePerUnit();
            return new CarbonLine(line.month(), activity.name(), line.category(), activity.scope(), line.spendCny(), "CNY",
                    f.kgCo2ePerUnit(), SPEND_FACTOR_LABEL, f.source(), f.year(), Rounding.kg(kg), quality);
        }
        Unit unit = Unit.parse(line.unit()).requireFits(activity);
        Factor f = switch (activity) {
            case ELECTRICITY -> factors.electricity(provinceCode, year);
            case HEAT -> factors.heat(year);
            default -> factors.fuel(activity);
        };
        Unit factorUnit = Unit.parse(f.unit());
        double quantityInFactorUnit = unit.dimension() == Dimension.LIQUID_VOLUME
                ? Unit.T.convert(unit.litresToTonnes(line.quantity(), factors.densityKgPerLitre(activity)), factorUnit)
                : unit.convert(line.quantity(), factorUnit);
        double kg = quantityInFactorUnit * f.kgCo2ePerUnit();
        return new CarbonLine(line.month(), activity.name(), line.category(), activity.scope(), line.quantity(), unit.symbol(),
                f.kgCo2ePerUnit(), factorUnit.factorLabel(), f.source(), f.year(), Rounding.kg(kg), quality);
    }
}
