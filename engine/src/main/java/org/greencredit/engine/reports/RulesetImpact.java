package org.greencredit.engine.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.greencredit.core.rating.Rating;

/**
 * What a ruleset change would do, before anyone activates it: the same requests rated with the active rules and with
 * the candidate (models, factors and time unchanged), and how many ratings change colour, outcome, limit, discount or
 * green score, with the transitions (e.g. {@code APPROVE -> REFER}) and the first changes as examples for the reviewer.
 */
public final class RulesetImpact {
    /** Changes listed one by one at most; the counts cover them all. */
    public static final int EXAMPLES = 20;

    private RulesetImpact() {
    }

    /** One request rated with the active rules ({@code before}) and the candidate ({@code after}). */
    public record Pair(Rating before, Rating after) {
    }

    /** @param notValid stored requests that the validation refuses today, so not rated */
    public record Trial(String activeVersion, String candidateVersion, List<Pair> pairs, int notValid) {
    }

    /** One field of one firm's rating that the candidate changes. */
    public record Change(String smeId, String field, String before, String after) {
    }

    public record Report(String activeVersion, String candidateVersion, int rated, int notValid, int changed, int colourChanged,
                         int outcomeChanged, int limitChanged, int discountChanged, int greenScoreChanged, Map<String, Integer> outcomeTransitions,
                         Map<String, Integer> colourTransitions, List<Change> examples) {
    }

    public static Report of(Trial trial) {
        int changed = 0;
        int colour = 0;
        int outcome = 0;
        int limit = 0;
        int discount = 0;
        int score = 0;
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> colours = new TreeMap<>();
        List<Change> examples = new ArrayList<>();
        for (Pair p : trial.pairs()) {
            Rating b = p.before();
            Rating a = p.after();
            List<Change> here = new ArrayList<>();
            if (b.green().colour() != a.green().colour()) {
                colour++;
                colours.merge(b.green().colour() + " -> " + a.green().colour(), 1, Integer::sum);
                here.add(change(b, "green.colour", b.green().colour(), a.green().colour()));
            }
            if (b.decision().outcome() != a.decision().outcome()) {
                outcome++;
                outcomes.merge(b.decision().outcome() + " -> " + a.decision().outcome(), 1, Integer::sum);
                here.add(change(b, "decision.outcome", b.decision().outcome(), a.decision().outcome()));
            }
            if (b.decision().limitCny() != a.decision().limitCny()) {
                limit++;
                here.add(change(b, "decision.limitCny", b.decision().limitCny(), a.decision().limitCny()));
            }
            if (b.decision().rateDiscountBp() != a.decision().rateDiscountBp()) {
                discount++;
                here.add(change(b, "decision.rateDiscountBp", b.decision().rateDiscountBp(), a.decision().rateDiscountBp()));
            }
            if (b.green().score() != a.green().score()) {
                score++;
                here.add(change(b, "green.score", b.green().score(), a.green().score()));
            }
            if (!here.isEmpty()) {
                changed++;
                for (Change c : here) {
                    if (examples.size() < EXAMPLES) {
                        examples.add(c);
                    }
                }
            }
        }
        return new Report(trial.activeVersion(), trial.candidateVersion(), trial.pairs().size(), trial.notValid(), changed, colour, outcome, limit,
                discount, score, outcomes, colours, examples);
    }

    private static Change change(Rating rating, String field, Object before, Object after) {
        return new Change(rating.smeId(), field, Objects.toString(before), Objects.toString(after));
    }
}
