package org.greencredit.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.greencredit.core.rating.Anomaly;
import org.greencredit.core.rating.Explanation;
import org.greencredit.core.rating.Outcome;
import org.greencredit.core.rating.Reason;
import org.greencredit.core.rating.RuleHit;
import org.greencredit.core.text.BilingualText;
import org.greencredit.models.credit.Bin;
import org.greencredit.models.credit.FeatureInfo;
import org.greencredit.models.credit.ScorecardResult;

/**
 * Picks at most four principal reasons, as an adverse-action notice does (US Reg B), ranked
 * by impact. Impact is tiered so that what decided the outcome always outranks what merely
 * cost points: decline reasons, then referral reasons and data anomalies, then the credit
 * features that lost most points against their best bin, then green shortfalls.
 */
final class Reasons {
    private static final double DECLINE_TIER = 3_000;
    private static final double REFER_TIER = 2_000;
    private static final double ANOMALY_TIER = 1_900;
    /** Green shortfalls rank by the green points missing to 100, at this weight against credit points. */
    private static final double GREEN_WEIGHT = 0.5;
    private static final double MAX_GREEN_SCORE = 100;

    /** Levels 4 and 5 are "below average" and "low" in carbon_efficiency_levels.csv. */
    private static final int LOW_EFFICIENCY_LEVEL = 4;

    private final ReasonTexts texts;
    private final FeatureValueTexts values;
    /** "{feature} could not be computed from the data given", for a credit feature scored as missing. */
    private final BilingualText missingFeature;

    Reasons(ReasonTexts texts, FeatureValueTexts values, BilingualText missingFeature) {
        this.texts = texts;
        this.values = values;
        this.missingFeature = missingFeature;
    }

    /**
     * @param bins       the scorecard's bins by feature, to name the band a feature scores best in (empty: the features'
     *                   own reason texts)
     * @param exclusions the green rules that excluded the firm from green terms, to name them in the reason (a bank's
     *                   ruleset may exclude by rules named otherwise: the reason then has the general text)
     */
    List<Reason> rank(Outcome outcome, List<String> policyReasons, List<Anomaly> anomalies, ScorecardResult credit,
                      Map<String, FeatureInfo> features, Map<String, List<Bin>> bins, Integer carbonLevel, boolean greenExcluded,
                      List<RuleHit> exclusions, int greenScore) {
        // A credit feature's text (its value and best band, formatted) is written only if it ranks among the reasons
        // given: most ratings lose points on a dozen features, and the texts cost more than the ranking.
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        double tier = outcome == Outcome.DECLINE ? DECLINE_TIER : REFER_TIER;
        for (int i = 0; i < policyReasons.size(); i++) {
            Reason r = texts.reason(policyReasons.get(i), tier - i);
            candidates.putIfAbsent(r.code(), Candidate.of(r));
        }
        for (int i = 0; i < anomalies.size(); i++) {
            Anomaly a = anomalies.get(i);
            candidates.putIfAbsent("ANOMALY_" + a.code(), Candidate.of(new Reason("ANOMALY_" + a.code(), a.zh(), a.en(), ANOMALY_TIER - i)));
        }
        for (Map.Entry<String, Integer> lost : credit.pointsBelowBest().entrySet()) {
            if (lost.getValue() <= 0) {
                continue;
            }
            String feature = lost.getKey();
            FeatureInfo info = features.get(feature);
            boolean missing = credit.missingFeatures().contains(feature);
            String code = missing ? info.reasonCode() + "-MISSING" : info.reasonCode();
            candidates.putIfAbsent(code, new Candidate(code, lost.getValue(), () -> {
                Double value = credit.features().get(feature);
                BilingualText text = missing ? missingFeature.with("feature", info.nameZh(), info.nameEn())
                        : (value == null ? Optional.<BilingualText>empty() : values.describe(info, value, bins.get(feature)))
                                .orElse(new BilingualText(info.reasonZh(), info.reasonEn()));
                return new Reason(code, text.zh(), text.en(), lost.getValue());
            }));
        }
        double greenShortfall = (MAX_GREEN_SCORE - greenScore) * GREEN_WEIGHT;
        if (greenExcluded) {
            candidates.putIfAbsent("GREEN_EXCLUDED", Candidate.of(excluded(exclusions, greenShortfall)));
        } else if (carbonLevel != null && carbonLevel >= LOW_EFFICIENCY_LEVEL) {
            candidates.putIfAbsent("LOW_CARBON_EFFICIENCY", Candidate.of(texts.reason("LOW_CARBON_EFFICIENCY", greenShortfall)));
        }
        List<Candidate> ranked = new ArrayList<>(candidates.values());
        ranked.sort(Comparator.comparingDouble(Candidate::impact).reversed().thenComparing(Candidate::code));
        List<Reason> reasons = new ArrayList<>(Explanation.MAX_REASONS);
        for (Candidate c : ranked.subList(0, Math.min(Explanation.MAX_REASONS, ranked.size()))) {
            reasons.add(c.reason().get());
        }
        return List.copyOf(reasons);
    }

    /** A reason ranked by its code and impact before its text is written. */
    private record Candidate(String code, double impact, Supplier<Reason> reason) {
        static Candidate of(Reason written) {
            return new Candidate(written.code(), written.impact(), () -> written);
        }
    }

    /** "No green discount: " and the title of each rule that excluded the firm, which is what the firm can act on. */
    private Reason excluded(List<RuleHit> exclusions, double impact) {
        Reason prefix = texts.reason("GREEN_EXCLUDED", impact);
        if (exclusions.isEmpty()) {
            return prefix;
        }
        return new Reason(prefix.code(), prefix.zh() + "：" + exclusions.stream().map(RuleHit::titleZh).collect(Collectors.joining("；")),
                prefix.en() + ": " + exclusions.stream().map(RuleHit::titleEn).collect(Collectors.joining("; ")), impact);
    }
}
