package org.greencredit.models.credit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.greencredit.core.rating.Counterfactual;
import org.greencredit.core.text.BilingualText;
import org.greencredit.core.text.TextCatalogue;

/**
 * The smallest change of one actionable feature that lifts the credit grade: for each such
 * feature, step through its better bins in order and stop at the first that changes the grade.
 * A feature that cannot lift the grade on its own is reported with its largest gain instead.
 */
public final class CreditCounterfactuals {
    private static final TextCatalogue TEXTS = TextCatalogue.fromClasspath("/models/texts.tsv");
    private final Scorecard scorecard;

    public CreditCounterfactuals(Scorecard scorecard) {
        this.scorecard = scorecard;
    }

    public List<Counterfactual> find(ScorecardResult result) {
        List<Candidate> candidates = new ArrayList<>();
        for (FeatureInfo info : scorecard.features().values()) {
            Double value = result.features().get(info.feature());
            if (!info.actionable() || value == null || result.pointsBelowBest().get(info.feature()) == 0) {
                continue;
            }
            Bin current = scorecard.binOf(info.feature(), value);
            List<Bin> better = scorecard.bins(info.feature()).stream()
                    .filter(b -> b.kind() == Bin.Kind.RANGE && b.points() > current.points())
                    .sorted(Comparator.comparingDouble(b -> distance(b, value)))
                    .toList();
            for (Bin bin : better) {
                int newScore = result.score() + bin.points() - current.points();
                String newGrade = scorecard.gradeOf(scorecard.pdOf(newScore));
                boolean lifts = !newGrade.equals(result.grade());
                if (lifts || bin == better.get(better.size() - 1)) {
                    candidates.add(new Candidate(info, value, target(bin, info), bin.points() - current.points(), newGrade, lifts));
                    break;
                }
            }
        }
        candidates.sort(Comparator.comparing((Candidate c) -> !c.lifts).thenComparing(c -> -c.gain));
        return candidates.stream().map(c -> c.toCounterfactual(result.grade())).toList();
    }

    private static double distance(Bin bin, double value) {
        double lower = bin.lower() == null ? Double.NEGATIVE_INFINITY : bin.lower();
        double upper = bin.upper() == null ? Double.POSITIVE_INFINITY : bin.upper();
        return value < lower ? lower - value : value >= upper ? value - upper : 0;
    }

    private static double target(Bin bin, FeatureInfo info) {
        // The nearest edge of the better bin: its lower bound when higher is better, its upper bound otherwise.
        return info.higherIsBetter() ? bin.lower() : bin.upper();
    }

    private record Candidate(FeatureInfo info, double current, double target, int gain, String newGrade, boolean lifts) {
        Counterfactual toCounterfactual(String grade) {
            String key = "counterfactual." + (info.higherIsBetter() ? "raise" : "lower") + (lifts ? "ToLiftGrade" : "ToGainPoints");
            BilingualText text = TEXTS.get(key).with("feature", info.nameZh(), info.nameEn().toLowerCase(Locale.ROOT))
                    .with("current", round(current)).with("target", round(target));
            text = lifts ? text.with("grade", grade).with("newGrade", newGrade) : text.with("gain", gain);
            return new Counterfactual(info.feature(), round(current), round(target), text.zh(), text.en());
        }

        private static double round(double v) {
            return Math.round(v * 10_000.0) / 10_000.0;
        }
    }
}
