package org.greencredit.engine;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greencredit.core.carbon.Rounding;
import org.greencredit.core.invoice.Duplicates;
import org.greencredit.core.invoice.GreenCatalogue;
import org.greencredit.core.invoice.LedgerFeatures;
import org.greencredit.core.rating.ChallengerScore;
import org.greencredit.core.rating.NotAssessed;
import org.greencredit.core.request.InvoiceLedger;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.text.TextCatalogue;
import org.greencredit.models.credit.CreditCounterfactuals;
import org.greencredit.models.credit.CreditFeatureExtractor;
import org.greencredit.models.credit.FeatureInfo;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.credit.ScorecardResult;
import org.greencredit.models.registry.ChallengerModel;
import org.greencredit.models.registry.CreditModels;

/**
 * The credit scorecard on the features the rating computes, noting every feature that had to be
 * scored as missing. A firm with a credit section (flows, debt, repayment history) is scored by the
 * champion, and by the challenger in shadow when one runs; a firm without one but with an e-invoice
 * ledger by the thin-file scorecard, which reads the ledger's features in place of the history it
 * lacks. One stage per set of models: switching models builds a new stage, so a rating sees one set.
 */
final class CreditStage {
    private final CreditModels models;
    /** Every model a rating with this stage names in its versions. */
    private final String modelsVersion;
    private final CreditCounterfactuals championCounterfactuals;
    private final CreditCounterfactuals thinFileCounterfactuals;
    private final GreenCatalogue catalogue;
    private final TextCatalogue texts;

    /** The scorecard that scored a request, its result, and the challenger's shadow score (null when none ran). */
    record Scored(Scorecard scorecard, ScorecardResult result, ChallengerScore challenger) {
    }

    /** @param modelsVersion every model a rating names in its versions, these credit models among them */
    CreditStage(CreditModels models, String modelsVersion, GreenCatalogue catalogue, TextCatalogue texts) {
        this.models = models;
        this.modelsVersion = modelsVersion;
        this.championCounterfactuals = new CreditCounterfactuals(models.champion());
        this.thinFileCounterfactuals = new CreditCounterfactuals(models.thinFile());
        this.catalogue = catalogue;
        this.texts = texts;
    }

    CreditModels models() {
        return models;
    }

    String modelsVersion() {
        return modelsVersion;
    }

    /** The counterfactual search of the scorecard that scored. */
    CreditCounterfactuals counterfactuals(Scored scored) {
        return scored.scorecard() == models.champion() ? championCounterfactuals : thinFileCounterfactuals;
    }

    /** The credit features, and the ledger's (from {@link #ledgerFeatures}) when the request has one. */
    static Map<String, Double> features(RatingRequest request, CarbonStage.Result carbon, Map<String, Double> ledger) {
        Map<String, Double> features = new LinkedHashMap<>(CreditFeatureExtractor.extract(request, carbon.k(), carbon.assessment().yoyChange()));
        if (ledger != null) {
            features.putAll(ledger);
        }
        return features;
    }

    /**
     * The ledger's features as of the request's latest month, with exact repeats read once as {@code invoices features} reads a
     * file; null without a ledger.
     */
    Map<String, Double> ledgerFeatures(RatingRequest request, YearMonth asOf) {
        InvoiceLedger ledger = request.invoices();
        if (ledger == null) {
            return null;
        }
        return LedgerFeatures.compute(Duplicates.find(ledger.sales()).kept(), Duplicates.find(ledger.purchases()).kept(), asOf, catalogue);
    }

    Scored assess(RatingRequest request, CarbonStage.Result carbon, Map<String, Double> ledger, List<NotAssessed> notAssessed) {
        boolean thin = request.credit() == null && showsTrade(ledger);
        Scorecard scorecard = thin ? models.thinFile() : models.champion();
        Map<String, Double> features = features(request, carbon, ledger);
        ScorecardResult credit = scorecard.score(features);
        for (String feature : credit.missingFeatures()) {
            FeatureInfo info = scorecard.features().get(feature);
            notAssessed.add(NotAssessed.of("credit." + feature, texts.get("credit.featureMissing").with("feature", info.nameZh(), info.nameEn())));
        }
        return new Scored(scorecard, credit, thin ? null : shadow(features));
    }

    /** The challenger's score of the features the champion scored; null when no challenger runs. */
    private ChallengerScore shadow(Map<String, Double> features) {
        ChallengerModel challenger = models.challenger();
        if (challenger == null) {
            return null;
        }
        double pd = Rounding.ratio(challenger.pd(List.of(features))[0]);
        return new ChallengerScore(challenger.version(), pd, challenger.gradeOf(pd));
    }

    /** Whether ledger features show any trade: at least one valid invoice (an empty ledger says nothing). */
    static boolean showsTrade(Map<String, Double> ledger) {
        return ledger != null && ledger.get(LedgerFeatures.LEDGER_MONTHS) != null;
    }
}
