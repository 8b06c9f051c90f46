package org.greencredit.core.carbon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.greencredit.core.rating.Anomaly;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CarbonAccount;

/**
 * Consistency checks for distorted carbon data (碳数据失真). Each flag carries a reason the
 * SME can read. A flag leads to referral to an officer, never to a decline by itself.
 */
public final class AnomalyChecks {
    private final int copiedMonthsMinRun;

    /** @param copiedMonthsMinRun how many consecutive identical non-zero monthly readings count as copied */
    public AnomalyChecks(int copiedMonthsMinRun) {
        if (copiedMonthsMinRun < 2) {
            throw new IllegalArgumentException("copiedMonthsMinRun must be at least 2, got " + copiedMonthsMinRun);
        }
        this.copiedMonthsMinRun = copiedMonthsMinRun;
    }

    public List<Anomaly> check(CarbonAccount account) {
        List<Anomaly> anomalies = new ArrayList<>();
        Map<Activity, List<ActivityLine>> byActivity = account.lines().stream()
                .filter(l -> !l.activity().isSpendBased())
                .collect(Collectors.groupingBy(ActivityLine::activity, TreeMap::new, Collectors.toList()));
        byActivity.forEach((activity, lines) -> copiedMonths(activity, lines, anomalies));
        zeroEnergyWithRevenue(account, anomalies);
        return anomalies;
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
            if (run == copiedMonthsMinRun) {
                out.add(new Anomaly("COPIED_MONTHS",
                        activity + " 连续" + run + "个月读数完全相同（" + current.quantity() + " " + current.unit() + "），疑似复制数据",
                        activity + " shows the identical reading " + current.quantity() + " " + current.unit() + " for "
                                + run + " consecutive months, which suggests copied rather than metered data",
                        activity + " " + sorted.get(i - run + 1).month() + ".." + current.month()));
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
            out.add(new Anomaly("ZERO_ENERGY_WITH_REVENUE",
                    "有营业收入但申报的能源消耗全部为零",
                    "All reported energy use is zero while the firm reports revenue",
                    "revenueCny=" + account.revenueCny()));
        }
    }
}
