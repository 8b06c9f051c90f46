package org.greencredit.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.greencredit.core.carbon.CarbonAccountant;
import org.greencredit.core.carbon.Rounding;
import org.greencredit.core.invoice.GreenCatalogue;
import org.greencredit.core.invoice.LedgerFeatures;
import org.greencredit.core.rating.CarbonAssessment;
import org.greencredit.core.rating.Colour;
import org.greencredit.core.rating.Contribution;
import org.greencredit.core.rating.Counterfactual;
import org.greencredit.core.rating.CreditAssessment;
import org.greencredit.core.rating.CropAssessment;
import org.greencredit.core.rating.Decision;
import org.greencredit.core.rating.Explanation;
import org.greencredit.core.rating.GreenAssessment;
import org.greencredit.core.rating.GreenPath;
import org.greencredit.core.rating.Instalment;
import org.greencredit.core.rating.NotAssessed;
import org.greencredit.core.rating.Outcome;
import org.greencredit.core.rating.PlotAssessment;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.rating.RatingIds;
import org.greencredit.core.rating.Reason;
import org.greencredit.core.rating.RuleHit;
import org.greencredit.core.rating.Versions;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.GreenBehaviours;
import org.greencredit.core.request.Invoice;
import org.greencredit.core.request.NdviObservation;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.text.BilingualText;
import org.greencredit.core.text.TextCatalogue;
import org.greencredit.core.validation.RequestValidator;
import org.greencredit.datasets.invoices.GreenCatalogueTable;
import org.greencredit.datasets.reference.EfficiencyLevel;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.engine.reports.RulesetImpact;
import org.greencredit.models.anomaly.CarbonPatternDetector;
import org.greencredit.models.credit.CreditFeatureExtractor;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.credit.ScorecardResult;
import org.greencredit.models.crop.CropEstimator;
import org.greencredit.models.crop.YieldModel;
import org.greencredit.models.registry.CreditModels;
import org.greencredit.models.series.SeriesClassifier;
import org.greencredit.rules.engine.RuleEvaluator;
import org.greencredit.rules.engine.Ruleset;
import org.greencredit.rules.engine.RulesetRegistry;
import org.greencredit.rules.facts.GreenFacts;
import org.greencredit.rules.facts.PolicyFacts;

/**
 * The one facade of what a rating uses: rates one request end to end (validation, carbon account,
 * green rules, credit scorecard, crop estimates for farms, policy rules, and the explanation of all
 * of them) and answers, through {@link #info()}, the versions, model cards, vocabulary and live rules
 * of the same objects it rates with. Build it once with {@link #builder(Clock)} and share it: it is
 * thread-safe, and apart from {@code id} and {@code ratedAt} the same request always gives the same
 * rating. Close it to stop watching a rules directory.
 */
public final class RatingEngine implements AutoCloseable {
    private static final String TEXTS = "/engine/texts.tsv";
    /** How green rules that exclude a firm from green terms are named: their titles become the exclusion reason. */
    private static final String EXCLUSION_RULES = "G-EX-";

    private final ReferenceData reference;
    private final RequestValidator validator;
    private final RulesetRegistry rules;
    private final CarbonStage carbonStage;
    /** Swapped whole when the credit models change; a rating reads it once. */
    private final AtomicReference<CreditStage> creditStage = new AtomicReference<>();
    private final GreenCatalogue catalogue = GreenCatalogueTable.shipped();
    private final CropStage cropStage;
    /** The versions of the crop models and the pattern detector, which never change while the engine runs. */
    private final List<String> otherModels;
    private final BehaviourEvidence behaviourEvidence;
    private final Reasons reasons;
    private final TextCatalogue texts;
    private final Clock clock;
    private final int defaultTermMonths;
    private final String engineVersion;
    private final EngineInfo info;

    private RatingEngine(Builder b) {
        EngineSettings settings = EngineSettings.shipped();
        this.clock = b.clock;
        this.reference = b.reference != null ? b.reference : ReferenceData.shipped();
        this.texts = TextCatalogue.fromClasspath(TEXTS);
        this.validator = new RequestValidator(reference, clock);
        this.rules = new RulesetRegistry(b.ruleset != null ? b.ruleset : Ruleset.shipped());
        CarbonPatternDetector detector = b.withoutDetector ? null : b.detector != null ? b.detector : CarbonPatternDetector.shipped();
        this.carbonStage = new CarbonStage(reference, detector, texts);
        CreditModels credit = b.creditModels;
        if (credit == null) {
            credit = new CreditModels(b.scorecard != null ? b.scorecard : Scorecard.shipped(settings.scorecard()),
                    b.thinFileScorecard != null ? b.thinFileScorecard : Scorecard.shipped(settings.thinFileScorecard()), null, Map.of());
        }
        CropEstimator crops = new CropEstimator(reference,
                b.cropModel != null ? b.cropModel : SeriesClassifier.shipped(settings.cropModel()),
                b.earlyCropModel != null ? b.earlyCropModel : SeriesClassifier.shipped(settings.earlyCropModel()),
                b.yieldModel != null ? b.yieldModel : YieldModel.shipped(settings.yieldModel()));
        this.cropStage = new CropStage(crops, texts);
        ReasonTexts reasonTexts = new ReasonTexts();
        this.reasons = new Reasons(reasonTexts, new FeatureValueTexts(), texts.get("reason.featureMissing"));
        this.defaultTermMonths = (int) reference.parameter("policy.defaultTermMonths").value();
        this.behaviourEvidence = new BehaviourEvidence(reference.parameter("green.declaredShareTolerance").value());
        this.engineVersion = settings.version();
        List<String> others = new ArrayList<>(cropStage.modelVersions());
        if (detector != null) {
            others.add(detector.version());
        }
        this.otherModels = List.copyOf(others);
        this.creditStage.set(stage(credit));
        this.info = new EngineInfo(this::versions, this::modelVersions, this::creditModels, rules, reference, reasonTexts);
        if (b.rulesDirectory != null) {
            rules.watch(b.rulesDirectory, b.reloadSeconds);
        }
    }

    /** An engine with the shipped reference data, rules and models unless the builder is given others. */
    public static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    /** The engine with the shipped reference data, ruleset, scorecard, crop models and pattern detector. */
    public static RatingEngine standard(Clock clock) {
        return builder(clock).build();
    }

    /** What an engine is built from; whatever is not set is the shipped one. Not thread-safe; build once. */
    public static final class Builder {
        private final Clock clock;
        private ReferenceData reference;
        private Ruleset ruleset;
        private Path rulesDirectory;
        private long reloadSeconds;
        private Scorecard scorecard;
        private Scorecard thinFileScorecard;
        private CreditModels creditModels;
        private CarbonPatternDetector detector;
        private boolean withoutDetector;
        private SeriesClassifier cropModel;
        private SeriesClassifier earlyCropModel;
        private YieldModel yieldModel;

        private Builder(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        public Builder reference(ReferenceData reference) {
            this.reference = Objects.requireNonNull(reference, "reference");
            return this;
        }

        /** Fixed rules instead of the shipped ones. */
        public Builder ruleset(Ruleset ruleset) {
            this.ruleset = Objects.requireNonNull(ruleset, "ruleset");
            return this;
        }

        /**
         * Rules laid out like the shipped ones in {@code dir}, loaded at build and again whenever a file
         * there changes (checked every {@code reloadSeconds}); a broken edit is refused and the previous
         * rules stay active. A null {@code dir} keeps the shipped or given rules.
         */
        public Builder rulesDirectory(Path dir, long reloadSeconds) {
            if (dir != null && reloadSeconds < 1) {
                throw new IllegalArgumentException("reloadSeconds must be at least 1, got " + reloadSeconds);
            }
            this.rulesDirectory = dir;
            this.reloadSeconds = reloadSeconds;
            return this;
        }

        public Builder scorecard(Scorecard scorecard) {
            this.scorecard = Objects.requireNonNull(scorecard, "scorecard");
            return this;
        }

        /**
         * Champion, thin-file scorecard and challenger together, e.g. a model registry's active models; takes precedence
         * over {@link #scorecard} and {@link #thinFileScorecard}.
         */
        public Builder creditModels(CreditModels creditModels) {
            this.creditModels = Objects.requireNonNull(creditModels, "creditModels");
            return this;
        }

        /** The scorecard for firms without a credit section that bring an e-invoice ledger instead. */
        public Builder thinFileScorecard(Scorecard thinFileScorecard) {
            this.thinFileScorecard = Objects.requireNonNull(thinFileScorecard, "thinFileScorecard");
            return this;
        }

        public Builder patternDetector(CarbonPatternDetector detector) {
            this.detector = Objects.requireNonNull(detector, "detector");
            this.withoutDetector = false;
            return this;
        }

        /** Accounts carbon without the pattern detector: for training that detector. */
        public Builder withoutPatternDetector() {
            this.detector = null;
            this.withoutDetector = true;
            return this;
        }

        /** @param wholeYear judges year-long series; earlySeason judges this year's series cut short mid-season */
        public Builder cropModels(SeriesClassifier wholeYear, SeriesClassifier earlySeason, YieldModel yield) {
            this.cropModel = Objects.requireNonNull(wholeYear, "wholeYear");
            this.earlyCropModel = Objects.requireNonNull(earlySeason, "earlySeason");
            this.yieldModel = Objects.requireNonNull(yield, "yield");
            return this;
        }

        public RatingEngine build() {
            return new RatingEngine(this);
        }
    }

    /** Versions, model cards, vocabulary and live rules of this engine. */
    public EngineInfo info() {
        return info;
    }

    public RequestValidator validator() {
        return validator;
    }

    /** The versions a rating made now would report. */
    public Versions versions() {
        return versions(rules.get());
    }

    private Versions versions(RuleEvaluator evaluator) {
        return versions(evaluator, creditStage.get());
    }

    private Versions versions(RuleEvaluator evaluator, CreditStage credit) {
        return new Versions(engineVersion, evaluator.ruleset().version(), credit.modelsVersion(), reference.version());
    }

    /** Every model a rating made now uses, in the order its versions name them. */
    private List<String> modelVersions() {
        return modelVersions(creditStage.get().models());
    }

    private List<String> modelVersions(CreditModels credit) {
        List<String> models = new ArrayList<>(credit.versions());
        models.addAll(otherModels);
        return models;
    }

    /** The credit stage of {@code models}, with the versions a rating names joined once rather than per rating. */
    private CreditStage stage(CreditModels models) {
        return new CreditStage(models, String.join(",", modelVersions(models)), catalogue, texts);
    }

    /** The credit models ratings use now. */
    public CreditModels creditModels() {
        return creditStage.get().models();
    }

    /**
     * Rates with {@code models} from now on, without a restart: a rating under way finishes with the models it started
     * with; every later one uses the new ones and reports their versions.
     */
    public void useCreditModels(CreditModels models) {
        creditStage.set(stage(Objects.requireNonNull(models, "models")));
    }

    /** Tells {@code listener} of every reload of the rules directory the engine was built with. */
    public void addRulesListener(RulesListener listener) {
        rules.addListener(new RulesetRegistry.Listener() {
            @Override
            public void activated(Ruleset ruleset, Path dir) {
                listener.activated(ruleset.version(), dir);
            }

            @Override
            public void rejected(Path dir, List<String> problems, Ruleset stillActive) {
                listener.rejected(dir, problems, stillActive.version());
            }
        });
    }

    /**
     * Compiles the rules in {@code dir} and makes them active if they pass validation; listeners hear
     * either way.
     *
     * @return true when the new rules are active; false when they were refused and the previous ones stay
     */
    public boolean reloadRulesFrom(Path dir) {
        return rules.reloadFrom(dir);
    }

    /** Makes {@code ruleset} (compiled from {@code dir} and checked by the caller) the active rules; listeners hear of it. */
    public void activateRules(Ruleset ruleset, Path dir) {
        rules.activate(ruleset, dir);
    }

    /**
     * Rates each request twice, with the active rules and with {@code candidate}, everything else the same (models, factors,
     * time): what a ruleset change would do to these firms. Requests that are not valid any more (the validation may have
     * tightened since they were stored) are counted, not rated.
     */
    public RulesetImpact.Trial tryRules(Ruleset candidate, List<RatingRequest> requests) {
        RuleEvaluator active = rules.get();
        RuleEvaluator trial = new RuleEvaluator(candidate);
        Instant now = clock.instant();
        List<RulesetImpact.Pair> pairs = new ArrayList<>();
        int invalid = 0;
        for (RatingRequest request : requests) {
            try {
                validator.requireValid(request);
            } catch (RuntimeException e) {
                invalid++;
                continue;
            }
            CropStage.Estimates crops = cropStage.assess(List.of(request)).get(0);
            pairs.add(new RulesetImpact.Pair(rateValid(request, "before", now, crops, active), rateValid(request, "after", now, crops, trial)));
        }
        return new RulesetImpact.Trial(active.ruleset().version(), candidate.version(), pairs, invalid);
    }

    /** Seeded synthetic requests drawn with this engine's reference data: demo data and examples, never lending data. */
    public SyntheticRequests syntheticRequests(long seed) {
        return new SyntheticRequests(seed, reference);
    }

    /** Stops watching the rules directory, if any. */
    @Override
    public void close() {
        rules.close();
    }

    /** Validates and rates; throws {@link org.greencredit.core.validation.InvalidRequestException} naming every bad field. */
    public Rating rate(RatingRequest request) {
        validator.requireValid(request);
        Instant now = clock.instant();
        return rateValid(request, RatingIds.at(now), now, cropStage.assess(List.of(request)).get(0));
    }

    /**
     * Rates several requests, each as {@link #rate} would, with the plots of all the farms among them through the crop
     * models together (one call per model instead of one per farm, which for a farm cost more than the rest of its
     * rating). Each attempt is the rating, or the exception {@code rate} would have thrown for that request alone.
     */
    public List<Attempt<Rating>> rateAll(List<RatingRequest> requests) {
        List<Attempt<Rating>> attempts = new ArrayList<>(requests.size());
        List<RatingRequest> valid = new ArrayList<>(requests.size());
        for (RatingRequest request : requests) {
            try {
                validator.requireValid(request);
                valid.add(request);
                attempts.add(null);
            } catch (RuntimeException e) {
                attempts.add(new Attempt.Failed<>(e));
            }
        }
        List<CropStage.Estimates> crops = cropsOfAll(valid);
        int next = 0;
        for (int i = 0; i < attempts.size(); i++) {
            if (attempts.get(i) != null) {
                continue;
            }
            RatingRequest request = valid.get(next);
            CropStage.Estimates estimates = crops.get(next++);
            try {
                CropStage.Estimates own = estimates != null ? estimates : cropStage.assess(List.of(request)).get(0);
                Instant now = clock.instant();
                attempts.set(i, new Attempt.Done<>(rateValid(request, RatingIds.at(now), now, own)));
            } catch (RuntimeException e) {
                attempts.set(i, new Attempt.Failed<>(e));
            }
        }
        return attempts;
    }

    /** The crop estimates of valid requests together; all null when one of them cannot be estimated, to be done one by one. */
    private List<CropStage.Estimates> cropsOfAll(List<RatingRequest> valid) {
        try {
            return cropStage.assess(valid);
        } catch (RuntimeException e) {
            return Collections.nCopies(valid.size(), null);
        }
    }

    /**
     * The smallest change of each lever the firm controls (behaviour shares, equipment, energy use, debt) that improves its
     * colour, green grade, outcome, limit or credit grade, each found by rating the changed request; the request as it is
     * rates as {@code base}.
     */
    public List<WhatIf> whatIf(RatingRequest request, Rating base) {
        return new WhatIfSearch(this, texts).search(request, base);
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

    /** The credit model's features of a valid request, as the rating computes them: for exporting training tables. */
    public Map<String, Double> creditFeatures(RatingRequest validRequest) {
        return CreditStage.features(validRequest, carbonStage.assess(validRequest, new ArrayList<>()),
                creditStage.get().ledgerFeatures(validRequest, asOfMonth(validRequest, clock.instant())));
    }

    /** The carbon stage on a request already known to be valid: what the carbon benchmark measures. */
    public CarbonReport carbonAccountOnly(RatingRequest validRequest) {
        CarbonStage.Result carbon = carbonStage.assess(validRequest, new ArrayList<>());
        return new CarbonReport(validRequest.sme().id(), carbon.level(), carbon.k(), carbon.dimensions(), carbon.assessment());
    }

    Rating rateValid(RatingRequest request, String id, Instant ratedAt, CropStage.Estimates crops) {
        // One ruleset for the whole rating, even if a reload swaps it meanwhile.
        return rateValid(request, id, ratedAt, crops, this.rules.get());
    }

    private Rating rateValid(RatingRequest request, String id, Instant ratedAt, CropStage.Estimates crops, RuleEvaluator rules) {
        CreditStage creditStage = this.creditStage.get();
        List<NotAssessed> notAssessed = new ArrayList<>();
        YearMonth asOf = asOfMonth(request, ratedAt);
        CarbonStage.Result carbon = carbonStage.assess(request, notAssessed);
        Map<String, Double> ledger = creditStage.ledgerFeatures(request, asOf);
        BehaviourEvidence.Result behaviours = behaviourEvidence.assess(request.greenBehaviours(), ledger,
                certifiedGreenShare(carbon.assessment()));
        RuleEvaluator.GreenResult green = rules.evaluateGreen(greenFacts(request, carbon, behaviours, notAssessed));
        CreditStage.Scored scored = creditStage.assess(request.withGreenBehaviours(behaviours.counted(request.greenBehaviours())), carbon,
                ledger, notAssessed);
        ScorecardResult credit = scored.result();
        List<PlotAssessment> plots = crops.plots();
        notAssessed.addAll(crops.notAssessed());
        if (request.loanRequest() == null) {
            notAssessed.add(NotAssessed.of("loanRequest", texts.get("loan.noRequest")));
        }
        int requestedTerm = request.loanRequest() != null && request.loanRequest().termMonths() != null
                ? request.loanRequest().termMonths() : defaultTermMonths;
        RuleEvaluator.PolicyResult policy = rules.evaluatePolicy(policyFacts(request, carbon, green, credit, ledger, plots, requestedTerm,
                behaviours.contradicted()));
        Decision decision = decide(policy, plots, requestedTerm, asOf);
        Explanation explanation = explain(carbon, green, creditStage, scored, policy, decision.outcome(), notAssessed,
                versions(rules, creditStage));
        return new Rating(id, request.sme().id(), ratedAt,
                new GreenAssessment(green.score(), green.grade(), Colour.valueOf(green.colour()), carbon.level(), carbon.k(),
                        carbon.dimensions().withCombinedLevel(green.dimensionLevel()),
                        request.carbonAccount() == null ? GreenPath.MERCHANT : GreenPath.CARBON_ACCOUNT, behaviours.assessments()),
                carbon.assessment(),
                new CreditAssessment(credit.pd(), credit.score(), credit.grade(), scored.scorecard().version(), scored.challenger()),
                request.hasPlots() ? new CropAssessment(plots) : null,
                decision,
                explanation);
    }

    /** Certified green electricity over the electricity the account shows, or null without certified purchases or electricity. */
    private static Double certifiedGreenShare(CarbonAssessment carbon) {
        if (carbon.greenPowerKwh() <= 0) {
            return null;
        }
        double electricityKwh = CarbonAccountant.electricityKwhByMonth(carbon.lines()).values().stream()
                .mapToDouble(Double::doubleValue).sum();
        return electricityKwh > 0 ? Rounding.ratio(carbon.greenPowerKwh() / electricityKwh) : null;
    }

    /** The green rules' facts; notes when the firm gave no behaviours and no ledger shows any, whose points are then not assessed. */
    private GreenFacts greenFacts(RatingRequest request, CarbonStage.Result carbon, BehaviourEvidence.Result behaviours,
                                  List<NotAssessed> notAssessed) {
        GreenBehaviours b = request.greenBehaviours();
        if (b == null && behaviours.assessments().isEmpty()) {
            notAssessed.add(NotAssessed.of("greenBehaviours", texts.get("green.noBehaviours")));
        }
        return new GreenFacts(request.sme().industryDivision(), carbon.level(), carbon.k(), carbon.assessment().yoyChange(),
                carbon.dimensions().regionalLevel(), carbon.dimensions().historicalLevel(), carbon.assessment().physicalDataShare(),
                carbon.assessment().anomalies().size(), behaviours.evidenced(), behaviours.declared(),
                request.carbonAccount() != null, b == null || b.environmentalPenalties() == null ? 0 : b.environmentalPenalties());
    }

    private static PolicyFacts policyFacts(RatingRequest request, CarbonStage.Result carbon, RuleEvaluator.GreenResult green,
                                           ScorecardResult credit, Map<String, Double> ledger, List<PlotAssessment> plots,
                                           int requestedTerm, int contradictedBehaviours) {
        Double cropLendingValue = plots.isEmpty() ? null : Rounding.cny(plots.stream().mapToDouble(PlotAssessment::lendingValueCny).sum());
        boolean cropMismatch = plots.stream().anyMatch(PlotAssessment::mismatch);
        // A ledger that shows trade is credit data too: invoiced sales (before tax) stand in for bank inflows a firm new to
        // credit cannot show.
        boolean ledgerShowsTrade = CreditStage.showsTrade(ledger);
        Double inflow = CreditFeatureExtractor.averageMonthlyInflow(request);
        if (inflow == null && ledgerShowsTrade) {
            inflow = ledger.get(LedgerFeatures.SALES_MONTHLY_MEAN);
        }
        return new PolicyFacts(credit.pd(), credit.grade(), green.colour(),
                green.score(), green.excluded(), carbon.assessment().anomalies().size(), request.credit() != null || ledgerShowsTrade,
                request.credit() == null ? null : request.credit().maxPastDueDays(), inflow,
                request.credit() == null ? null : request.credit().existingDebtCny(),
                request.loanRequest() == null || request.loanRequest().amountCny() == null ? 0 : request.loanRequest().amountCny(),
                requestedTerm, request.loanRequest() == null || request.loanRequest().purpose() == null ? null : request.loanRequest().purpose().name(),
                request.hasPlots(), cropLendingValue, cropMismatch, contradictedBehaviours);
    }

    /** Outcome, limit and the repayment plan: monthly for a business, after the harvest for a farm. */
    private static Decision decide(RuleEvaluator.PolicyResult policy, List<PlotAssessment> plots, int requestedTerm, YearMonth asOf) {
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
        return new Decision(outcome, limit, term, policy.rateDiscountBp(), schedule, policy.referralReasons());
    }

    private Explanation explain(CarbonStage.Result carbon, RuleEvaluator.GreenResult green, CreditStage creditStage, CreditStage.Scored scored,
                                RuleEvaluator.PolicyResult policy, Outcome outcome, List<NotAssessed> notAssessed, Versions versions) {
        ScorecardResult credit = scored.result();
        List<Reason> principal = reasons.rank(outcome, policy.referralReasons(), carbon.assessment().anomalies(), credit,
                scored.scorecard().features(), scored.scorecard().bins(), carbon.level(), green.excluded(), exclusions(green), green.score());
        List<Counterfactual> counterfactuals = new ArrayList<>(greenCounterfactuals(carbon));
        counterfactuals.addAll(creditStage.counterfactuals(scored).find(credit));
        List<Contribution> contributions = new ArrayList<>();
        contributions.add(new Contribution("base", null, credit.interceptPoints()));
        contributions.addAll(credit.contributions());
        List<RuleHit> hits = new ArrayList<>(green.hits());
        hits.addAll(policy.hits());
        return new Explanation(hits, contributions, principal, counterfactuals, notAssessed, versions);
    }

    /** The green rules that excluded the firm from green terms (their ids start G-EX- in the shipped and any bank ruleset). */
    private static List<RuleHit> exclusions(RuleEvaluator.GreenResult green) {
        return green.hits().stream().filter(h -> h.id().startsWith(EXCLUSION_RULES)).toList();
    }

    /** "Cut emission intensity by X% to reach level L-1", from the level table's bounds. */
    private List<Counterfactual> greenCounterfactuals(CarbonStage.Result carbon) {
        if (carbon.level() == null || carbon.level() <= 1) {
            return List.of();
        }
        EfficiencyLevel better = reference.efficiencyLevels().get(carbon.level() - 2);
        double targetIntensity = Rounding.kg(better.kMax() * carbon.assessment().intensityKgPer10kCny() / carbon.k());
        long percent = (long) Math.ceil((1.0 - better.kMax() / carbon.k()) * 100.0);
        BilingualText text = texts.get("counterfactual.carbonIntensity").with("percent", percent).with("target", targetIntensity)
                .with("level", better.level());
        return List.of(new Counterfactual("carbon.intensityKgPer10kCny", carbon.assessment().intensityKgPer10kCny(), targetIntensity,
                text.zh(), text.en()));
    }

    /** The latest month of the applicant's own dated data; the rating month only when the request has none. */
    static YearMonth asOfMonth(RatingRequest request, Instant ratedAt) {
        Stream<YearMonth> lines = request.carbonAccount() == null ? Stream.empty()
                : request.carbonAccount().lines().stream().map(ActivityLine::month);
        Stream<YearMonth> ndvi = request.plots() == null ? Stream.empty()
                : request.plots().stream().flatMap(p -> p.ndvi().stream()).map(NdviObservation::date).map(YearMonth::from);
        Stream<YearMonth> invoices = request.invoices() == null ? Stream.empty()
                : Stream.concat(request.invoices().sales().stream(), request.invoices().purchases().stream()).map(Invoice::issuedOn)
                        .map(YearMonth::from);
        return Stream.concat(Stream.concat(lines, ndvi), invoices).max(YearMonth::compareTo)
                .orElse(YearMonth.from(LocalDate.ofInstant(ratedAt, ZoneOffset.UTC)));
    }
}
