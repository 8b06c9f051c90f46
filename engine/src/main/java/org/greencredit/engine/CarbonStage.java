package org.greencredit.engine;

import java.time.YearMonth;
import java.util.List;
import org.greencredit.core.carbon.AnomalyChecks;
import org.greencredit.core.carbon.CarbonAccountant;
import org.greencredit.core.carbon.Rounding;
import org.greencredit.core.rating.CarbonAssessment;
import org.greencredit.core.rating.CarbonLine;
import org.greencredit.core.rating.Dimensions;
import org.greencredit.core.rating.NotAssessed;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.reference.EfficiencyLevel;
import org.greencredit.datasets.reference.Industry;
import org.greencredit.datasets.reference.ReferenceData;

/**
 * Carbon accounting plus what follows from it: the carbon-efficiency value K against the
 * industry benchmark and its level, the year-on-year change of emissions over matching
 * calendar months (so seasonality cancels), and the three Quzhou dimensions.
 */
final class CarbonStage {
    private static final int MONTHS_PER_YEAR = 12;

    private final ReferenceData reference;
    private final CarbonAccountant accountant;
    private final double declineFullScale;

    record Result(CarbonAssessment assessment, Integer level, Double k, Double yoyChange, Dimensions dimensions) {
    }

    CarbonStage(ReferenceData reference) {
        this.reference = reference;
        this.accountant = new CarbonAccountant(reference,
                new AnomalyChecks((int) reference.parameter("carbon.copiedMonths.minRun").value()),
                (int) reference.parameter("carbon.intensity.annualisationMonths").value());
        this.declineFullScale = reference.parameter("green.dimension.declineFullScale").value();
    }

    Result assess(RatingRequest request, List<NotAssessed> notAssessed) {
        if (request.carbonAccount() == null || request.carbonAccount().lines().isEmpty()) {
            notAssessed.add(new NotAssessed("carbon", "未提供碳账户（能源和采购明细），无法核算排放和碳效等级",
                    "No carbon account (energy and purchase lines) was given: emissions and carbon-efficiency level not assessed"));
            CarbonAssessment empty = new CarbonAssessment(0, 0, 0, 0, null, null, 0, null, null, List.of(), List.of());
            return new Result(empty, null, null, null, new Dimensions(null, null, null));
        }
        CarbonAssessment carbon = accountant.account(request.sme().provinceCode(), request.carbonAccount());
        Industry industry = reference.industry(request.sme().industryDivision());
        Double k = null;
        Integer level = null;
        if (carbon.intensityKgPer10kCny() == null) {
            notAssessed.add(new NotAssessed("green.carbonEfficiencyLevel", "未提供营业收入，无法计算碳排放强度和碳效等级",
                    "No revenue was given, so emission intensity and the carbon-efficiency level cannot be computed"));
        } else {
            k = Rounding.ratio(carbon.intensityKgPer10kCny() / industry.benchmarkKgPer10kCny());
            level = levelOf(k);
        }
        Double yoy = yearOnYear(carbon.lines());
        if (yoy == null) {
            notAssessed.add(new NotAssessed("green.dimensions.historicalDecline", "不足24个月的能源数据，无法计算同比变化",
                    "Fewer than 24 months of activity data: year-on-year change not assessed"));
        }
        notAssessed.add(new NotAssessed("green.dimensions.regionalContribution", "地区平均碳排放强度基准尚未接入，区域贡献维度暂不评估",
                "Regional average intensity benchmarks are not yet available: regional contribution not assessed"));
        Dimensions dimensions = new Dimensions(k == null ? null : advancement(k), null, yoy == null ? null : decline(yoy));
        return new Result(carbon, level, k, yoy, dimensions);
    }

    private Integer levelOf(double k) {
        for (EfficiencyLevel level : reference.efficiencyLevels()) {
            if (level.kMax() == null || k <= level.kMax()) {
                return level.level();
            }
        }
        throw new IllegalStateException("carbon_efficiency_levels.csv has no open-ended last level");
    }

    /** 100 at the best level's bound of K, 0 at the worst level's lower bound, linear between. */
    private double advancement(double k) {
        List<EfficiencyLevel> levels = reference.efficiencyLevels();
        double best = levels.get(0).kMax();
        double worst = levels.get(levels.size() - 2).kMax();
        return Rounding.ratio(100.0 * Math.max(0, Math.min(1, (worst - k) / (worst - best))));
    }

    private double decline(double yoy) {
        return Rounding.ratio(Math.max(0, Math.min(100, 50.0 - 50.0 * yoy / declineFullScale)));
    }

    /**
     * Change of total emissions in the latest twelve months against the twelve before, over
     * whole calendar years so that seasons match. Revenue is one annual figure, so this is also
     * the change of intensity at constant revenue.
     */
    static Double yearOnYear(List<CarbonLine> lines) {
        YearMonth latest = lines.stream().map(CarbonLine::month).max(YearMonth::compareTo).orElse(null);
        if (latest == null) {
            return null;
        }
        YearMonth startOfRecent = latest.minusMonths(MONTHS_PER_YEAR - 1);
        YearMonth startOfPrevious = startOfRecent.minusMonths(MONTHS_PER_YEAR);
        boolean[] covered = new boolean[2 * MONTHS_PER_YEAR];
        double recent = 0;
        double previous = 0;
        for (CarbonLine line : lines) {
            if (line.month().isBefore(startOfPrevious)) {
                continue;
            }
            int index = (int) startOfPrevious.until(line.month(), java.time.temporal.ChronoUnit.MONTHS);
            covered[index] = true;
            if (line.month().isBefore(startOfRecent)) {
                previous += line.kgCo2e();
            } else {
                recent += line.kgCo2e();
            }
        }
        for (boolean c : covered) {
            if (!c) {
                return null;
            }
        }
        return previous > 0 ? Rounding.ratio(recent / previous - 1.0) : null;
    }
}
