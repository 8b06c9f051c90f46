package org.greencredit.models.registry;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.greencredit.models.credit.CreditGrades;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.training.TrainedGbt;

/**
 * A credit model run in shadow beside the champion: either kind {@code model train} writes, scoring the features a
 * rating computes. Its PD is graded on the shipped grade table, the champion's, so that the two compare grade for grade.
 * Immutable and thread-safe.
 */
public final class ChallengerModel {
    private final String version;
    private final String kind;
    private final List<String> features;
    private final Function<List<Map<String, Double>>, double[]> scorer;
    private final CreditGrades grades = CreditGrades.shipped();

    private ChallengerModel(String version, String kind, List<String> features, Function<List<Map<String, Double>>, double[]> scorer) {
        this.version = version;
        this.kind = kind;
        this.features = List.copyOf(features);
        this.scorer = scorer;
    }

    public static ChallengerModel of(Scorecard scorecard) {
        return new ChallengerModel(scorecard.version(), "scorecard", List.copyOf(scorecard.bins().keySet()), rows -> {
            double[] pd = new double[rows.size()];
            for (int i = 0; i < pd.length; i++) {
                pd[i] = scorecard.score(rows.get(i)).pd();
            }
            return pd;
        });
    }

    public static ChallengerModel of(TrainedGbt gbt) {
        return new ChallengerModel(gbt.version(), "gbt", gbt.features(), gbt::predictValues);
    }

    public String version() {
        return version;
    }

    /** {@code scorecard} or {@code gbt}. */
    public String kind() {
        return kind;
    }

    /** The inputs the model reads. */
    public List<String> features() {
        return features;
    }

    /** The PD of each row of features (null or absent for missing), in one call of the model for all of them. */
    public double[] pd(List<Map<String, Double>> rows) {
        return scorer.apply(rows);
    }

    public String gradeOf(double pd) {
        return grades.gradeOf(pd);
    }
}
