package org.greencredit.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.greencredit.core.carbon.Rounding;
import org.greencredit.core.rating.Colour;
import org.greencredit.core.rating.Contribution;
import org.greencredit.core.rating.Counterfactual;
import org.greencredit.core.rating.CreditAssessment;
import org.greencredit.core.rating.CropAssessment;
import org.greencredit.core.rating.Decision;
import org.greencredit.core.rating.Explanation;
import org.greencredit.core.rating.GreenAssessment;
import org.greencredit.core.rating.Instalment;
import org.greencredit.core.rating.NotAssessed;
import org.greencredit.core.rating.Outcome;
import org.greencredit.core.rating.PlotAssessment;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.rating.Reason;
import org.greencredit.core.rating.RuleHit;
import org.greencredit.core.rating.Versions;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.Certification;
import org.greencredit.core.request.GreenBehaviours;
import org.greencredit.core.request.NdviObservation;
import org.greencredit.core.request.Plot;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.validation.RequestValidator;
import org.greencredit.datasets.reference.EfficiencyLevel;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.models.anomaly.CarbonPatternDetector;
import org.greencredit.models.credit.CreditCounterfactuals;
import org.greencredit.models.credit.CreditFeatureExtractor;
import org.greencredit.models.credit.FeatureInfo;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.credit.ScorecardResult;
import org.greencredit.models.crop.CropEstimator;
import org.greencredit.models.crop.YieldModel;
import org.greencredit.models.series.SeriesClassifier;
import org.greencredit.rules.engine.RuleEvaluator;
import org.greencredit.rules.engine.Ruleset;
import org.greencredit.rules.facts.GreenFacts;
import org.greencredit.rules.facts.PolicyFacts;

/**
 * Rates one request end to end: validation, carbon account, green rules, credit scorecard,
 * crop estimates for farms, policy rules, and the explanation of all of them. Build it once
 * and share it: it is immutable and thread-safe. Apart from {@code id} and {@code ratedAt},
 * the same request always gives the same rating.
 */
public final class RatingEngine {
    private static final String SCORECARD = "scorecard-v1";
    private static final String CROP_MODEL = "crop-xgb-v1";
    private static final String EARLY_CROP_MODEL = "crop-xgb-early-v1";
    private static final String YIELD_MODEL = "yield-v1";

    private final ReferenceData reference;
    private final RequestValidator validator;
    private final CarbonStage carbonStage;
    private final Supplier<RuleEvaluator> rules;
    private final Scorecard scorecard;
    private final CreditCounterfactuals creditCounterfactuals;
    private final CropEstimator crops;
    private final Reasons reasons;
    private final Clock clock;
    private final int defaultTermMonths;
    private final String engineVersion;
    private final String modelsVersion;

    /**
     * @param rules    the active rules; a registry swaps them on reload, and each rating uses and reports one ruleset
     * @param detector the carbon pattern detector, or null to rate without it
     */
    public RatingEngine(ReferenceData reference, Supplier<RuleEvaluator> rules, Scorecard scorecard, CarbonPatternDetector detector,
                        Clock clock) {
        this.reference = reference;
        this.validator = new RequestValidator(reference, clock);
        this.carbonStage = new CarbonStage(reference, detector);
        this.rules = rules;
        this.scorecard = scorecard;
        this.creditCounterfactuals = new CreditCounterfactuals(scorecard);
        this.crops = new CropEstimator(reference, SeriesClassifier.shipped(CROP_MODEL), SeriesClassifier.shipped(EARLY_CROP_MODEL),
                YieldModel.shipped(YIELD_MODEL));
        this.reasons = new Reasons(new ReasonTexts());
        this.clock = clock;
        this.defaultTermMonths = (int) reference.parameter("policy.defaultTermMonths").value();
        this.engineVersion = engineVersion();
        this.modelsVersion = scorecard.version() + "," + String.join(",", crops.modelVersions())
                + (detector == null ? "" : "," + detector.version());
    }

    /** The engine with the shipped reference data, ruleset, scorecard and detector. */
    public static RatingEngine standard(Clock clock) {
        return standard(clock, fixed(Ruleset.shipped()));
    }

    /** The shipped engine on rules that may change, e.g. a {@code RulesetRegistry} watching a directory. */
    public static RatingEngine standard(Clock clock, Supplier<RuleEvaluator> rules) {
        return new RatingEngine(ReferenceData.shipped(), rules, Scorecard.shipped(SCORECARD), CarbonPatternDetector.shipped(), clock);
    }

    /** The shipped engine without the carbon pattern detector: for training that detector. */
    public static RatingEngine withoutPatternDetector(Clock clock) {
        return new RatingEngine(ReferenceData.shipped(), fixed(Ruleset.shipped()), Scorecard.shipped(SCORECARD), null, clock);
    }

    private static Supplier<RuleEvaluator> fixed(Ruleset ruleset) {
        RuleEvaluator evaluator = new RuleEvaluator(ruleset);
        return () -> evaluator;
    }

    public RequestValidator validator() {
        return validator;
    }

    /** The champion scorecard's features with their names, to label contributions for people. */
    public Map<String, FeatureInfo> creditFeatures() {
        return scorecard.features();
    }

    /** The versions a rating made now would report. */
    public Versions versions() {
        return versions(rules.get());
    }

    private Versions versions(RuleEvaluator evaluator) {
        return new Versions(engineVersion, evaluator.ruleset().version(), modelsVersion, reference.version());
    }

    /** Validates and rates; throws {@link org.greencredit.core.validation.InvalidRequestException} naming every bad field. */
    public Rating rate(RatingRequest request) {
        validator.requireValid(request);
        return rateValid(request, UUID.randomUUID().toString(), clock.instant());
    }

    /** Validates and accounts the carbon part only: what `greencredit carbon` writes. */
    public CarbonReport carbon(RatingRequest request) {
        validator.requireValid(request);
        return carbonAccountOnly(request);
    }

    /** The inputs of the carbon pattern detector for a valid request with a carbon account; empty without one. */
    public double[] carbonPatternFeatures(RatingRequest validRequest) {
        return carbonStage.assess(validRequest, new ArrayList<>()).patternFeatures();
    }

    private static Map<String, Double> creditFeatures(RatingRequest request, CarbonStage.Result carbon) {
        return CreditFeatureExtractor.extract(request, carbon.k(), carbon.assessment().yoyChange());
    }

    /** The credit model's features of a valid request, as the rating computes them: for exporting training tables. */
    public Map<String, Double> creditFeatures(RatingRequest validRequest) {
        return creditFeatures(validRequest, carbonStage.assess(validRequest, new ArrayList<>()));
    }

    /** The carbon stage on a request already known to be valid: what the carbon benchmark measures. */
    public CarbonReport carbonAccountOnly(RatingRequest validRequest) {
        CarbonStage.Result carbon = carbonStage.assess(validRequest, new ArrayList<>());
        return new CarbonReport(validRequest.sme().id(), carbon.level(), carbon.k(), carbon.dimensions(), carbon.assessment());
    }

    Rating rateValid(RatingRequest request, String id, Instant ratedAt) {
        // One ruleset for the whole rating, even if a reload swaps it meanwhile.
        RuleEvaluator rules = this.rules.get();
        List<NotAssessed> notAssessed = new ArrayList<>();
        CarbonStage.Result carbon = carbonStage.assess(request, notAssessed);

        GreenBehaviours behaviours = request.greenBehaviours();
        if (behaviours == null) {
            notAssessed.add(new NotAssessed("greenBehaviours", "未提供绿色行为数据，相关加分项未评估",
                    "No green behaviours were given: behaviour points not assessed"));
        }
        RuleEvaluator.GreenResult green = rules.evaluateGreen(greenFacts(request, carbon));

        ScorecardResult credit = scorecard.score(creditFeatures(request, carbon));
        for (String feature : credit.missingFeatures()) {
            notAssessed.add(new NotAssessed("credit." + feature, "无法计算" + scorecard.features().get(feature).nameZh()
                    + "，按缺失值计分", scorecard.features().get(feature).nameEn() + " could not be computed; scored as missing"));
        }

        List<Plot> estimable = new ArrayList<>();
        if (request.hasPlots()) {
            for (Plot plot : request.plots()) {
                if (plot.declaredCrop() == null || plot.geometry() == null) {
                    notAssessed.add(new NotAssessed("crop.plots." + plot.id(), "地块缺少申报作物或边界，无法估产",
                            "Plot " + plot.id() + " lacks a declared crop or an outline: not estimated"));
                } else {
                    estimable.add(plot);
                }
            }
        }
        List<PlotAssessment> plots = crops.estimate(estimable);
        for (PlotAssessment p : plots) {
            if (CropEstimator.REFERENCE_YIELD.equals(p.yieldBasis()) && p.stageDate() == null) {
                notAssessed.add(new NotAssessed("crop.plots." + p.plotId() + ".ndvi", "地块晴空NDVI观测不足，作物按申报、产量按参考单产估计",
                        "Plot " + p.plotId() + " has too few clear NDVI readings: the declared crop and its reference yield were used"));
            } else if (CropEstimator.REFERENCE_YIELD.equals(p.yieldBasis())) {
                boolean recognised = !CropEstimator.DECLARED.equals(p.cropBasis());
                notAssessed.add(new NotAssessed("crop.plots." + p.plotId() + ".ndvi",
                        recognised ? "地块NDVI观测未覆盖全年：作物由季中模型识别（把握较低），产量按参考单产估计"
                                : "地块NDVI观测未覆盖全年且过早，作物按申报、产量按参考单产估计，生长阶段已识别",
                        recognised ? "Plot " + p.plotId() + "'s readings cover part of the year: the crop was recognised by the early-season"
                                + " model (less certain) and the reference yield used"
                                : "Plot " + p.plotId() + "'s readings cover too little of the year: the declared crop and its reference yield"
                                + " were used; the growth stage was read"));
            }
        }
        if (request.loanRequest() == null) {
            notAssessed.add(new NotAssessed("loanRequest", "未提供贷款申请，额度按还款能力核定",
                    "No loan request was given: the limit reflects repayment capacity only"));
        }

        YearMonth asOf = asOfMonth(request, ratedAt);
        Double cropLendingValue = plots.isEmpty() ? null : Rounding.cny(plots.stream().mapToDouble(PlotAssessment::lendingValueCny).sum());
        boolean cropMismatch = plots.stream().anyMatch(PlotAssessment::mismatch);
        int requestedTerm = request.loanRequest() != null && request.loanRequest().termMonths() != null
                ? request.loanRequest().termMonths() : defaultTermMonths;
        RuleEvaluator.PolicyResult policy = rules.evaluatePolicy(new PolicyFacts(credit.pd(), credit.grade(), green.colour(),
                green.score(), green.excluded(), carbon.assessment().anomalies().size(), request.credit() != null,
                request.credit() == null ? null : request.credit().maxPastDueDays(), CreditFeatureExtractor.averageMonthlyInflow(request),
                request.loanRequest() == null || request.loanRequest().amountCny() == null ? 0 : request.loanRequest().amountCny(),
                requestedTerm, request.loanRequest() == null || request.loanRequest().purpose() == null ? null : request.loanRequest().purpose().name(),
                request.hasPlots(), cropLendingValue, cropMismatch));

        Outcome outcome = Outcome.valueOf(policy.outcome());
        double limit = outcome == Outcome.DECLINE ? 0 : Rounding.cny(policy.limitCny());
        int term = requestedTerm;
        List<Instalment> schedule;
        if (!plots.isEmpty()) {
            int harvestMonth = plots.stream().mapToInt(PlotAssessment::harvestMonth).max().orElseThrow();
            term = RepaymentPlanner.monthsToHarvestSale(asOf, harvestMonth);
            schedule = RepaymentPlanner.atHarvest(limit, asOf, harvestMonth);
        } else {
            schedule = RepaymentPlanner.monthly(limit, term, asOf);
        }
        Decision decision = new Decision(outcome, limit, term, policy.rateDiscountBp(), schedule, policy.referralReasons());

        List<Reason> principal = reasons.rank(outcome, policy.referralReasons(), carbon.assessment().anomalies(), credit,
                scorecard.features(), carbon.level(), green.excluded(), green.score());
        List<Counterfactual> counterfactuals = new ArrayList<>(greenCounterfactuals(carbon));
        counterfactuals.addAll(creditCounterfactuals.find(credit));
        List<Contribution> contributions = new ArrayList<>();
        contributions.add(new Contribution("base", null, credit.interceptPoints()));
        contributions.addAll(credit.contributions());
        List<RuleHit> hits = new ArrayList<>(green.hits());
        hits.addAll(policy.hits());

        return new Rating(id, request.sme().id(), ratedAt,
                new GreenAssessment(green.score(), green.grade(), Colour.valueOf(green.colour()), carbon.level(), carbon.k(), carbon.dimensions()),
                carbon.assessment(),
                new CreditAssessment(credit.pd(), credit.score(), credit.grade(), scorecard.version()),
                request.hasPlots() ? new CropAssessment(plots) : null,
                decision,
                new Explanation(hits, contributions, principal, counterfactuals, notAssessed, versions(rules)));
    }

    private static GreenFacts greenFacts(RatingRequest request, CarbonStage.Result carbon) {
        GreenBehaviours b = request.greenBehaviours();
        Set<String> certifications = new HashSet<>();
        if (b != null) {
            b.certifications().stream().map(Certification::name).forEach(certifications::add);
        }
        return new GreenFacts(request.sme().industryDivision(), carbon.level(), carbon.k(), carbon.assessment().yoyChange(),
                carbon.assessment().physicalDataShare(), carbon.assessment().anomalies().size(),
                b == null ? null : b.eInvoiceShare(), b == null ? null : b.paperlessReceiptShare(),
                b == null ? null : b.greenProductShare(), b == null ? null : b.renewableElectricityShare(),
                b != null && Boolean.TRUE.equals(b.energySavingEquipment()), certifications, request.carbonAccount() != null,
                b == null || b.environmentalPenalties() == null ? 0 : b.environmentalPenalties());
    }

    /** "Cut emission intensity by X% to reach level L-1", from the level table's bounds. */
    private List<Counterfactual> greenCounterfactuals(CarbonStage.Result carbon) {
        if (carbon.level() == null || carbon.level() <= 1) {
            return List.of();
        }
        EfficiencyLevel better = reference.efficiencyLevels().get(carbon.level() - 2);
        double targetIntensity = better.kMax() * carbon.assessment().intensityKgPer10kCny() / carbon.k();
        double cut = 1.0 - better.kMax() / carbon.k();
        long percent = (long) Math.ceil(cut * 100.0);
        return List.of(new Counterfactual("carbon.intensityKgPer10kCny", carbon.assessment().intensityKgPer10kCny(),
                Rounding.kg(targetIntensity),
                "单位营收碳排放降低" + percent + "%（至" + Rounding.kg(targetIntensity) + "千克/万元），碳效等级可升至" + better.level() + "级",
                "Cut emissions per 10k CNY of revenue by " + percent + "% (to " + Rounding.kg(targetIntensity)
                        + " kg) to reach carbon-efficiency level " + better.level()));
    }

    /** The latest month of the applicant's own dated data; the rating month only when the request has none. */
    static YearMonth asOfMonth(RatingRequest request, Instant ratedAt) {
        Stream<YearMonth> lines = request.carbonAccount() == null ? Stream.empty()
                : request.carbonAccount().lines().stream().map(ActivityLine::month);
        Stream<YearMonth> ndvi = request.plots() == null ? Stream.empty()
                : request.plots().stream().flatMap(p -> p.ndvi().stream()).map(NdviObservation::date).map(YearMonth::from);
        return Stream.concat(lines, ndvi).max(YearMonth::compareTo)
                .orElse(YearMonth.from(LocalDate.ofInstant(ratedAt, ZoneOffset.UTC)));
    }

    private static String engineVersion() {
        Properties p = new Properties();
        try (InputStream in = RatingEngine.class.getResourceAsStream("/engine/engine.properties")) {
            if (in == null) {
                throw new IllegalStateException("engine/engine.properties is missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }
}
