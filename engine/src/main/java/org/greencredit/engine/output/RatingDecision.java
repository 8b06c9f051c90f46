package org.greencredit.engine.output;

import java.time.Instant;
import java.util.List;
import org.greencredit.core.rating.Colour;
import org.greencredit.core.rating.Outcome;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.rating.Reason;
import org.greencredit.core.rating.RuleHit;

/**
 * The decision profile of a rating: what a loan pipeline acts on, without the per-line carbon detail,
 * rule evidence and counterfactuals of the full rating. {@code fullRatingSha256} stands for all of
 * those: rating the same request again with the same versions and hashing the result with
 * {@link #fullRatingSha256(Rating)} gives the same value, so a decision can be checked against its
 * full explanation whenever one is needed.
 *
 * @param reasonCodes      the principal reasons (at most four), most important first
 * @param ruleIds          the ids of every green and policy rule that fired
 * @param challengerModelVersion the challenger model run in shadow (null when none ran): its PD and grade are for the bank's
 *                               pipelines and model review, never the decision
 * @param fullRatingSha256 SHA-256 of the full rating's canonical binary form (see {@code RatingDigest}), id and ratedAt left out
 */
public record RatingDecision(String id, String smeId, Instant ratedAt, Outcome outcome, double limitCny, int termMonths, int rateDiscountBp,
                             Colour colour, int greenScore, String greenGrade, double pd, String creditGrade, List<String> referralReasons,
                             List<String> reasonCodes, List<String> ruleIds, String engineVersion, String rulesetVersion, String modelsVersion,
                             String factorsVersion, String challengerModelVersion, Double challengerPd, String challengerGrade,
                             String fullRatingSha256) {
    public RatingDecision {
        referralReasons = List.copyOf(referralReasons);
        reasonCodes = List.copyOf(reasonCodes);
        ruleIds = List.copyOf(ruleIds);
    }

    public static RatingDecision of(Rating rating) {
        var decision = rating.decision();
        var versions = rating.explanation().versions();
        var challenger = rating.credit().challenger();
        return new RatingDecision(rating.id(), rating.smeId(), rating.ratedAt(), decision.outcome(), decision.limitCny(), decision.termMonths(),
                decision.rateDiscountBp(), rating.green().colour(), rating.green().score(), rating.green().grade(), rating.credit().pd(),
                rating.credit().grade(), decision.referralReasons(), rating.explanation().reasons().stream().map(Reason::code).toList(),
                rating.explanation().ruleHits().stream().map(RuleHit::id).toList(), versions.engine(), versions.ruleset(), versions.models(),
                versions.factors(), challenger == null ? null : challenger.modelVersion(), challenger == null ? null : challenger.pd(),
                challenger == null ? null : challenger.grade(), fullRatingSha256(rating));
    }

    /**
     * SHA-256 of the rating's canonical binary form ({@link RatingDigest}) with id and ratedAt left out: the same for every
     * rating of the same request with the same versions.
     */
    public static String fullRatingSha256(Rating rating) {
        return RatingDigest.sha256(rating.withIdentity(null, null));
    }
}
