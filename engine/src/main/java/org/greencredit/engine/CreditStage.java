package org.greencredit.engine;

import java.util.List;
import java.util.Map;
import org.greencredit.core.rating.NotAssessed;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.text.TextCatalogue;
import org.greencredit.models.credit.CreditFeatureExtractor;
import org.greencredit.models.credit.FeatureInfo;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.credit.ScorecardResult;

/** The credit scorecard on the features the rating computes, noting every feature that had to be scored as missing. */
final class CreditStage {
    private final Scorecard scorecard;
    private final TextCatalogue texts;

    CreditStage(Scorecard scorecard, TextCatalogue texts) {
        this.scorecard = scorecard;
        this.texts = texts;
    }

    static Map<String, Double> features(RatingRequest request, CarbonStage.Result carbon) {
        return CreditFeatureExtractor.extract(request, carbon.k(), carbon.assessment().yoyChange());
    }

    ScorecardResult assess(RatingRequest request, CarbonStage.Result carbon, List<NotAssessed> notAssessed) {
        ScorecardResult credit = scorecard.score(features(request, carbon));
        for (String feature : credit.missingFeatures()) {
            FeatureInfo info = scorecard.features().get(feature);
            notAssessed.add(NotAssessed.of("credit." + feature, texts.get("credit.featureMissing").with("feature", info.nameZh(), info.nameEn())));
        }
        return credit;
    }
}
