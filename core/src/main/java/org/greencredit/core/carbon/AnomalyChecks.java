package org.greencredit.core.carbon;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.greencredit.core.rating.Anomaly;
import org.greencredit.core.rating.CarbonLine;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.EnergyMeasure;
import org.greencredit.core.text.BilingualText;
import org.greencredit.core.text.TextCatalogue;

/**
 * Consistency checks for distorted carbon data (碳数据失真): copied months, zero energy use while
 * revenue flows, electricity far from what the industry and revenue imply, a sudden fall with no
 * recorded measure, and electricity spend that does not fit the kWh at any plausible tariff. Each
 * flag carries a reason the SME can read; a flag leads to referral, never to a decline by itself.
 * Stateless and thread-safe.
 */
public final class AnomalyChecks {
    private static final TextCatalogue TEXTS = TextCatalogue.fromClasspath("/core/texts.tsv");
    public static final String COPIED_MONTHS = "COPIED_MONTHS";
    public static final String ZERO_ENERGY_WITH_REVENUE = "ZERO_ENERGY_WITH_REVENUE";
    public static final String ELECTRICITY_IMPLAUSIBLY_LOW = "ELECTRICITY_IMPLAUSIBLY_LOW";
    public static final String ELECTRICITY_IMPLAUSIBLY_HIGH = "ELECTRICITY_IMPLAUSIBLY_HIGH";
    public static final String SUDDEN_DROP = "SUDDEN_DROP";
    public static final String TARIFF_MISMATCH = "TARIFF_MISMATCH";

    private static final int MONTHS_PER_YEAR = 12;
    private final AnomalyThresholds thresholds;

    public AnomalyChecks(AnomalyThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** @param lines the accounted lines, in the order of {@code account.lines()} */
    public List<Anomaly> check(CarbonAccount account, List<CarbonLine> lines, AnomalyContext context) {
        List<Anomaly> anomalies = new ArrayList<>();
        Map<Activity, List<ActivityLine>> byActivity = account.lines().stream()
                .filter(l -> !l.activity().isSpendBased())
                .collect(Collectors.groupingBy(ActivityLine::activity, TreeMap::new, Collectors.toList()));
        byActivity.forEach((activity, activityLines) -> copiedMonths(activity, activityLines, anomalies));
        zeroEnergyWithRevenue(account, anomalies);
        SortedMap<YearMonth, Double> electricityKg = new TreeMap<>();
        for (CarbonLine line : lines) {
            if (Activity.ELECTRICITY.name().equals(line.activity())) {
                electricityKg.merge(line.month(), line.kgCo2e(), Double::sum);
            }
        }
        if (!electricityKg.isEmpty()) {
            electricityAgainstBenchmark(electricityKg, context, anomalies);
            suddenDrop(electricityKg, account.measures(), anomalies);
            tariff(account.lines(), lines, context, anomalies);
        }
        return anomalies;
    }

    /** A figure as the flags show it: fixed decimals, half up, as {@code %.Nf} writes it. */
    private static String decimals(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }

    private void copiedMonths(Activity activity, List<ActivityLine> lines, List<Anomaly> out) {
        List<ActivityLine> sorted = lines.stream().sorted(Comparator.comparing(ActivityLine::month)).toList();
        int run = 1;
        for (int i = 1; i < sorted.size(); i++) {
            ActivityLine previous = sorted.get(i - 1);
            ActivityLine current = sorted.get(i);
            boolean same = current.quantity() != null && current.quantity() > 0
                    && current.quantity().equals(previous.quantity())
                    && current.month().equals(previous.month().plusMonths(1));
            run = same ? run + 1 : 1;
            if (run == thresholds.copiedMonthsMinRun()) {
                BilingualText text = TEXTS.get("anomaly.copiedMonths").with("activity", activity).with("run", run)
                        .with("quantity", current.quantity()).with("unit", current.unit());
                out.add(new Anomaly(COPIED_MONTHS, text.zh(), text.en(),
                        activity + " " + sorted.get(i - run + 1).month() + ".." + current.month()));
                return;
            }
        }
    }

    private static void zeroEnergyWithRevenue(CarbonAccount account, List<Anomaly> out) {
        boolean hasRevenue = account.revenueCny() != null && account.revenueCny() > 0;
        boolean anyPhysical = account.lines().stream().anyMatch(l -> !l.activity().isSpendBased());
        boolean allZero = anyPhysical && account.lines().stream()
                .filter(l -> !l.activity().isSpendBased())
                .allMatch(l -> l.quantity() == null || l.quantity() == 0);
        if (hasRevenue && allZero) {
            BilingualText text = TEXTS.get("anomaly.zeroEnergyWithRevenue");
            out.add(new Anomaly(ZERO_ENERGY_WITH_REVENUE, text.zh(), text.en(), "revenueCny=" + account.revenueCny()));
        }
    }

    private void electricityAgainstBenchmark(SortedMap<YearMonth, Double> electricityKg, AnomalyContext context, List<Anomaly> out) {
        Double expected = context.expectedElectricityKgPerYear();
        double total = electricityKg.values().stream().mapToDouble(Double::doubleValue).sum();
        if (expected == null || expected <= 0 || total <= 0) {
            return;
        }
        double ratio = total * MONTHS_PER_YEAR / electricityKg.size() / expected;
        if (ratio < thresholds.electricityRatioLow()) {
            BilingualText text = TEXTS.get("anomaly.electricityLow").with("percent", decimals(ratio * 100, 0));
            out.add(new Anomaly(ELECTRICITY_IMPLAUSIBLY_LOW, text.zh(), text.en(), ratioEvidence(ratio)));
        } else if (ratio > thresholds.electricityRatioHigh()) {
            BilingualText text = TEXTS.get("anomaly.electricityHigh").with("times", decimals(ratio, 1));
            out.add(new Anomaly(ELECTRICITY_IMPLAUSIBLY_HIGH, text.zh(), text.en(), ratioEvidence(ratio)));
        }
    }

    /** Written only for a flag raised: formatting it for every rating cost more than the check. */
    private static String ratioEvidence(double ratio) {
        return "reported/expected electricity emissions = " + decimals(ratio, 2);
    }

    private void suddenDrop(SortedMap<YearMonth, Double> electricityKg, List<EnergyMeasure> measures, List<Anomaly> out) {
        YearMonth latest = electricityKg.lastKey();
        int n = thresholds.suddenDropMonths();
        double[] totals = CarbonTrend.latestAgainstYearEarlier(electricityKg, n);
        if (totals == null) {
            return;
        }
        double recent = totals[0];
        double yearEarlier = totals[1];
        if (yearEarlier <= 0 || recent >= thresholds.suddenDropShare() * yearEarlier) {
            return;
        }
        YearMonth windowStart = latest.minusMonths(n - 1 + MONTHS_PER_YEAR);
        boolean explained = measures.stream().anyMatch(m -> !m.month().isBefore(windowStart) && !m.month().isAfter(latest));
        if (!explained) {
            double fall = 1 - recent / yearEarlier;
            BilingualText text = TEXTS.get("anomaly.suddenDrop").with("months", n).with("percent", decimals(fall * 100, 0));
            out.add(new Anomaly(SUDDEN_DROP, text.zh(), text.en(), latest.minusMonths(n - 1) + ".." + latest));
        }
    }

    private static void tariff(List<ActivityLine> input, List<CarbonLine> lines, AnomalyContext context, List<Anomaly> out) {
        List<YearMonth> months = new ArrayList<>();
        double worst = Double.NaN;
        double worstDistance = 0;
        for (int i = 0; i < input.size(); i++) {
            ActivityLine line = input.get(i);
            CarbonLine accounted = lines.get(i);
            if (line.activity() != Activity.ELECTRICITY || line.spendCny() == null || accounted.kgCo2e() <= 0) {
                continue;
            }
            double kwh = accounted.kgCo2e() / accounted.factor();
            double price = line.spendCny() / kwh;
            // How far outside the range, as a factor, so that "3x too dear" and "3x too cheap" weigh the same.
            double distance = Math.max(Math.log(context.tariffMinCnyPerKwh() / price), Math.log(price / context.tariffMaxCnyPerKwh()));
            if (distance > 0) {
                months.add(line.month());
                if (distance > worstDistance) {
                    worstDistance = distance;
                    worst = price;
                }
            }
        }
        if (!months.isEmpty()) {
            BilingualText text = TEXTS.get("anomaly.tariff").with("price", decimals(worst, 2))
                    .with("min", decimals(context.tariffMinCnyPerKwh(), 2)).with("max", decimals(context.tariffMaxCnyPerKwh(), 2));
            out.add(new Anomaly(TARIFF_MISMATCH, text.zh(), text.en(), months.size() + " month(s), first " + months.get(0)));
        }
    }
}
