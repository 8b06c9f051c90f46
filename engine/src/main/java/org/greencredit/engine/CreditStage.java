package org.greencredit.engine;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greencredit.core.invoice.Duplicates;
import org.greencredit.core.invoice.GreenCatalogue;
import org.greencredit.core.invoice.LedgerFeatures;
import org.greencredit.core.rating.NotAssessed;
import org.greencredit.core.request.InvoiceLedger;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.text.TextCatalogue;
import org.greencredit.models.credit.CreditFeatureExtractor;
import org.greencredit.models.credit.FeatureInfo;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.credit.ScorecardResult;

/**
 * The credit scorecard on the features the rating computes, noting every feature that had to be
 * scored as missing. A firm with a credit section (flows, debt, repayment history) is scored by the
 * champion; a firm without one but with an e-invoice ledger by the thin-file scorecard, which reads
 * the ledger's features in place of the history it lacks.
 */
final class CreditStage {
    private final Scorecard champion;
    private final Scorecard thinFile;
    private final GreenCatalogue catalogue;
    private final TextCatalogue texts;

    /** The scorecard that scored a request, and its result. */
    record Scored(Scorecard scorecard, ScorecardResult result) {
    }

    /** @param thinFile the scorecard for firms with a ledger and no credit section */
    CreditStage(Scorecard champion, Scorecard thinFile, GreenCatalogue catalogue, TextCatalogue texts) {
        this.champion = champion;
        this.thinFile = thinFile;
        this.catalogue = catalogue;
        this.texts = texts;
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
        Scorecard scorecard = request.credit() == null && showsTrade(ledger) ? thinFile : champion;
        ScorecardResult credit = scorecard.score(features(request, carbon, ledger));
        for (String feature : credit.missingFeatures()) {
            FeatureInfo info = scorecard.features().get(feature);
            notAssessed.add(NotAssessed.of("credit." + feature, texts.get("credit.featureMissing").with("feature", info.nameZh(), info.nameEn())));
        }
        return new Scored(scorecard, credit);
    }

    /** Whether ledger features show any trade: at least one valid invoice (an empty ledger says nothing). */
    static boolean showsTrade(Map<String, Double> ledger) {
        return ledger != null && ledger.get(LedgerFeatures.LEDGER_MONTHS) != null;
    }
}
