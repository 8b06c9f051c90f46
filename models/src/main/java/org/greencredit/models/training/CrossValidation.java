package org.greencredit.models.training;

import java.util.ArrayList;
import java.util.List;
import org.greencredit.datasets.io.RoundedNumber;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.tabular.TabularData;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Stratified k-fold cross-validation of a learner on a labelled table ({@code model cross-validate}):
 * each fold is scored by a model trained on the other folds, with the same trainer and settings as
 * {@code model train}. The folds depend only on the targets and the seed, so two learners (or two
 * versions of one) given the same table and seed are measured on the same folds.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** One fold: the rows trained on, and the metrics on the held-out rows. */
    public record Fold(int fold, int trainRows, int testRows, @JsonSerialize(using = RoundedNumber.Six.class) double auc,
                       @JsonSerialize(using = RoundedNumber.Six.class) double logLoss,
                       @JsonSerialize(using = RoundedNumber.Six.class) double brier) {
    }

    /**
     * The folds, the mean and standard deviation of their AUC, and the metrics of all out-of-fold
     * predictions pooled.
     */
    public record Result(ModelTraining.Kind kind, int rows, long seed, List<Fold> folds,
                         @JsonSerialize(using = RoundedNumber.Six.class) double meanAuc,
                         @JsonSerialize(using = RoundedNumber.Six.class) double sdAuc, Metrics pooled) {
    }

    public static Result run(TabularData table, ModelTraining.Kind kind, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2, got " + folds);
        }
        int[] all = Stratified.allRows(table.rows());
        int[] foldOf = Stratified.folds(table.target(), all, folds, seed);
        double[] outOfFold = new double[table.rows()];
        List<Fold> results = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            int[] train = Stratified.rowsOf(all, foldOf, f, false);
            int[] test = Stratified.rowsOf(all, foldOf, f, true);
            double[] p = fitAndPredict(table, train, test, kind, seed);
            boolean[] y = new boolean[test.length];
            for (int i = 0; i < test.length; i++) {
                outOfFold[test[i]] = p[i];
                y[i] = table.target()[test[i]];
            }
            Metrics m = Metrics.of(p, y);
            results.add(new Fold(f + 1, train.length, test.length, m.auc(), m.logLoss(), m.brier()));
        }
        double mean = results.stream().mapToDouble(Fold::auc).average().orElseThrow();
        double variance = results.stream().mapToDouble(r -> (r.auc() - mean) * (r.auc() - mean)).sum() / (folds - 1);
        return new Result(kind, table.rows(), seed, results, mean, Math.sqrt(variance), Metrics.of(outOfFold, table.target()));
    }

    private static double[] fitAndPredict(TabularData table, int[] train, int[] test, ModelTraining.Kind kind, long seed) {
        return switch (kind) {
            case GBT -> {
                TrainedGbt gbt = new GbtTrainer(seed).train(table, train, "cross-validation");
                yield gbt.predict(ModelTraining.rows(table, test, gbt.features()));
            }
            case SCORECARD -> {
                Scorecard scorecard = new ScorecardTrainer(ScorecardTrainer.STANDARD_SCALING, seed).train(table, train, "cross-validation").scorecard();
                yield ModelTraining.predict(scorecard, ModelTraining.rows(table, test, List.copyOf(scorecard.bins().keySet())));
            }
        };
    }
}
