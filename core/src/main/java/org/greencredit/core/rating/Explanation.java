package org.greencredit.core.rating;

import java.util.List;

/**
 * Why the rating is what it is: the rules that fired, the model's per-feature contributions,
 * at most four principal reasons, what would raise the rating, what could not be assessed,
 * and the versions of everything used.
 */
public record Explanation(
        List<RuleHit> ruleHits,
        List<Contribution> contributions,
        List<Reason> reasons,
        List<Counterfactual> counterfactuals,
        List<NotAssessed> notAssessed,
        Versions versions) {

    public static final int MAX_REASONS = 4;

    public Explanation {
        ruleHits = List.copyOf(ruleHits);
        contributions = List.copyOf(contributions);
        reasons = List.copyOf(reasons);
        counterfactuals = List.copyOf(counterfactuals);
        notAssessed = List.copyOf(notAssessed);
        if (reasons.size() > MAX_REASONS) {
            throw new IllegalArgumentException("at most " + MAX_REASONS + " principal reasons, got " + reasons.size());
        }
    }

    public Explanation withVersions(Versions newVersions) {
        return new Explanation(ruleHits, contributions, reasons, counterfactuals, notAssessed, newVersions);
    }
}
