package org.greencredit.engine;

import java.time.YearMonth;
import java.util.List;
import org.greencredit.core.carbon.AnomalyChecks;
import org.greencredit.core.carbon.AnomalyContext;
import org.greencredit.core.rating.Anomaly;
import org.greencredit.models.anomaly.CarbonPatternDetector;
import org.greencredit.models.anomaly.CarbonPatternFeatures;
import org.greencredit.core.carbon.CarbonAccountant;
import org.greencredit.core.carbon.Rounding;
import org.greencredit.core.rating.CarbonAssessment;
import org.greencredit.core.rating.CarbonLine;
import org.greencredit.core.rating.Dimensions;
import org.greencredit.core.rating.NotAssessed;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.text.TextCatalogue;
import org.greencredit.datasets.reference.EfficiencyLevel;
import org.greencredit.datasets.reference.Industry;
import org.greencredit.datasets.reference.ReferenceData;

/**
 * Carbon accounting plus what follows from it: the carbon-efficiency value K against the
 * industry benchmark and its level, and the three Quzhou dimensions (industry advancement,
 * regional contribution, historical decline).
 */
final class CarbonStage {
    private final ReferenceData reference;
    private final CarbonAccountant accountant;
    private final CarbonPatternDetector detector;
    private final double declineFullScale;
    private final TextCatalogue texts;

    /** @param patternFeatures the inputs of the pattern detector, empty without a carbon account */
    record Result(CarbonAssessment assessment, Integer level, Double k, Dimensions dimensions, double[] patternFeatures) {
    }

    /** @param detector the pattern detector, or null to account without it (as when training it) */
    CarbonStage(ReferenceData reference, CarbonPatternDetector detector, TextCatalogue texts) {
        this.reference = reference;
        this.texts = texts;
        this.detector = detector;
        this.accountant = new CarbonAccountant(reference, new AnomalyChecks(reference.anomalyThresholds()),
                (int) reference.parameter("carbon.intensity.annualisationMonths").value());
        this.declineFullScale = reference.parameter("green.dimension.declineFullScale").value();
    }

    Result assess(RatingRequest request, List<NotAssessed> notAssessed) {
        if (request.carbonAccount() == null || request.carbonAccount().lines().isEmpty()) {
            notAssessed.add(NotAssessed.of("carbon", texts.get("carbon.none")));
            CarbonAssessment empty = new CarbonAssessment(0, 0, 0, 0, null, null, 0, null, null, null, null, List.of(), List.of(), 0, 0);
            return new Result(empty, null, null, Dimensions.NONE, new double[0]);
        }
        Industry industry = reference.industry(request.sme().industryDivision());
        double electricityShare = reference.electricityShare(industry.section());
        AnomalyContext context = anomalyContext(request.carbonAccount(), industry, electricityShare);
        CarbonAssessment carbon = accountant.account(request.sme().provinceCode(), request.carbonAccount(), context);
        double[] features = CarbonPatternFeatures.extract(request.carbonAccount(), carbon, context.expectedElectricityKgPerYear());
        Anomaly unusual = detector == null ? null : detector.check(features);
        if (unusual != null) {
            carbon = carbon.withAnomaly(unusual);
        }
        Double k = null;
        Integer level = null;
        Double regionalK = null;
        if (carbon.intensityKgPer10kCny() == null) {
            notAssessed.add(NotAssessed.of("green.carbonEfficiencyLevel", texts.get("carbon.noRevenue")));
        } else {
            k = Rounding.ratio(carbon.intensityKgPer10kCny() / industry.benchmarkKgPer10kCny());
            level = reference.efficiencyLevelOf(k);
            regionalK = carbon.intensityKgPer10kCny() / regionalBenchmark(request, industry, electricityShare, latestYear(carbon));
        }
        Double yoy = carbon.yoyChange();
        if (yoy == null) {
            notAssessed.add(NotAssessed.of("green.dimensions.historicalDecline", texts.get("carbon.noYoy")));
        }
        // The firm's own previous twelve months are the third reference: this year's over last year's is a ratio like K,
        // graded on the same bands (a fall of more than 20% is level 2 or better, a rise of more than 20% level 4 or worse).
        Double historicalK = yoy == null ? null : 1 + yoy;
        Dimensions dimensions = new Dimensions(k == null ? null : advancement(k), regionalK == null ? null : advancement(regionalK),
                yoy == null ? null : decline(yoy), levelOf(regionalK), levelOf(historicalK), null);
        return new Result(carbon, level, k, dimensions, features);
    }

    private AnomalyContext anomalyContext(CarbonAccount account, Industry industry, double electricityShare) {
        Double expected = account.revenueCny() == null || account.revenueCny() <= 0 ? null
                : industry.benchmarkKgPer10kCny() * account.revenueCny() / 10_000.0 * electricityShare;
        return new AnomalyContext(expected, reference.tariffMinCnyPerKwh(), reference.tariffMaxCnyPerKwh());
    }

    /**
     * The industry benchmark moved to the firm's own grid: the electricity part of the benchmark
     * scales with the province's grid factor against the national one. A firm in a hydro-rich
     * province is thus compared with its industry as it would be in that province.
     */
    private double regionalBenchmark(RatingRequest request, Industry industry, double electricityShare, int year) {
        double province = reference.electricity(request.sme().provinceCode(), year).kgCo2ePerUnit();
        double national = reference.electricity("national", year).kgCo2ePerUnit();
        return industry.benchmarkKgPer10kCny() * (1 + electricityShare * (province / national - 1));
    }

    private static int latestYear(CarbonAssessment carbon) {
        return carbon.lines().stream().map(CarbonLine::month).max(YearMonth::compareTo).orElseThrow().getYear();
    }

    /** 100 at the best level's bound of K, 0 at the worst level's lower bound, linear between. */
    private double advancement(double k) {
        List<EfficiencyLevel> levels = reference.efficiencyLevels();
        double best = levels.get(0).kMax();
        double worst = levels.get(levels.size() - 2).kMax();
        return Rounding.ratio(100.0 * Math.max(0, Math.min(1, (worst - k) / (worst - best))));
    }

    /** A ratio's level, rounded first as K is. */
    private Integer levelOf(Double ratio) {
        return ratio == null ? null : reference.efficiencyLevelOf(Rounding.ratio(ratio));
    }

    private double decline(double yoy) {
        return Rounding.ratio(Math.max(0, Math.min(100, 50.0 - 50.0 * yoy / declineFullScale)));
    }
}
