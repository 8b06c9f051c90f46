package org.greencredit.models.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.greencredit.models.tabular.Column;
import org.greencredit.models.tabular.TabularData;

/**
 * Trains the gradient-boosted challenger (XGBoost, binary logistic objective). Its capacity and its
 * number of rounds are chosen on the training rows it is given, never fixed for one table: each
 * {@link Capacity} is boosted with early stopping on held-back rows ({@link Stratified.Validation}:
 * 5-fold cross-validation below 5,000 rows, one stratified fifth above), the one with the lowest
 * validation log loss wins (the smaller on a tie), and the model is then fitted on all the training
 * rows with that capacity and the median best number of rounds. Every choice and every trial is
 * recorded in model.properties.
 *
 * <p>Imbalanced classes are not re-weighted: re-weighting moves the predicted probabilities away
 * from the observed default rates, and the PD is what the bank lends on. Instead the boosting starts
 * from the training base rate, leaf sizes are counted in rows at that base rate (so that rare
 * defaults can still form a leaf), and each leaf's step is bounded ({@value #MAX_DELTA_STEP}), as
 * XGBoost's parameter notes advise for logistic regression on very imbalanced classes.
 */
public final class GbtTrainer {
    static final double ETA = 0.05;
    static final int MAX_ROUNDS = 1_000;
    static final int EARLY_STOPPING_ROUNDS = 50;
    static final double SUBSAMPLE = 0.8;
    static final double COLUMN_SUBSAMPLE = 0.8;
    static final double L2 = 1.0;
    static final double MAX_DELTA_STEP = 1.0;
    /** From shallow and coarse to deep and fine. */
    static final List<Capacity> CAPACITIES = List.of(new Capacity(2, 20), new Capacity(3, 10), new Capacity(4, 10), new Capacity(6, 5));

    /**
     * How much a tree may learn: its depth, and the fewest rows a leaf may hold, counted at the base
     * rate (XGBoost's min_child_weight is a sum of p(1 - p) over the leaf's rows).
     */
    record Capacity(int depth, int minLeafRows) {
        double minChildWeight(double baseRate) {
            return minLeafRows * baseRate * (1 - baseRate);
        }

        @Override
        public String toString() {
            return "depth " + depth + ", leaves of at least " + minLeafRows + " rows";
        }
    }

    /** One capacity's validation: mean best log loss over the folds, and the median best number of rounds. */
    record Trial(Capacity capacity, double logLoss, int rounds) {
    }

    private final long seed;

    public GbtTrainer(long seed) {
        this.seed = seed;
    }

    public TrainedGbt train(TabularData data, int[] trainRows, String version) {
        List<String> numeric = new ArrayList<>();
        Map<String, Map<String, Double>> categorical = new LinkedHashMap<>();
        WoeBinner binner = new WoeBinner(data.target(), trainRows, WoeBinner.Binning.FINE);
        for (Column c : data.columns()) {
            if (c.numeric()) {
                numeric.add(c.name());
            } else {
                categorical.put(c.name(), woeOf(binner.bin(c, data.target(), trainRows)));
            }
        }
        Encoded all = encode(data, numeric, categorical);
        double baseRate = baseRate(data.target(), trainRows);
        Stratified.Validation validation = Stratified.Validation.of(data.target(), trainRows, seed);
        try {
            List<Trial> trials = new ArrayList<>();
            Trial best = null;
            for (Capacity capacity : CAPACITIES) {
                Trial trial = validate(all, validation.splits(), capacity, baseRate);
                trials.add(trial);
                if (best == null || trial.logLoss() < best.logLoss()) {
                    best = trial;
                }
            }
            Booster booster = fit(all, trainRows, null, best.capacity(), baseRate, best.rounds(), null);
            return TrainedGbt.binary(provenance(data, version, trainRows.length, baseRate, validation, trials, best), booster, numeric, categorical, null);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not train: " + e.getMessage(), e);
        }
    }

    private static Map<String, Double> woeOf(List<WoeBin> bins) {
        Map<String, Double> woe = new HashMap<>();
        for (WoeBin b : bins) {
            switch (b.kind()) {
                case CATEGORY -> woe.put(b.category(), b.woe());
                case OTHER -> woe.put("", b.woe());
                case MISSING -> woe.put(null, b.woe());
                default -> { }
            }
        }
        return woe;
    }

    /** Every row of the table encoded once, row after row, and its label. */
    private record Encoded(float[] values, int columns, float[] labels) {
        DMatrix matrix(int[] rows) throws XGBoostError {
            float[] dense = new float[rows.length * columns];
            float[] y = new float[rows.length];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(values, rows[i] * columns, dense, i * columns, columns);
                y[i] = labels[rows[i]];
            }
            DMatrix m = new DMatrix(dense, rows.length, columns, Float.NaN);
            m.setLabel(y);
            return m;
        }
    }

    private static Encoded encode(TabularData data, List<String> numeric, Map<String, Map<String, Double>> categorical) {
        int columns = numeric.size() + categorical.size();
        float[] values = new float[data.rows() * columns];
        float[] labels = new float[data.rows()];
        Map<String, String> row = new HashMap<>();
        for (int r = 0; r < data.rows(); r++) {
            row.clear();
            for (Column c : data.columns()) {
                row.put(c.name(), c.raw()[r]);
            }
            System.arraycopy(TrainedGbt.encode(row, numeric, categorical), 0, values, r * columns, columns);
            labels[r] = data.target()[r] ? 1 : 0;
        }
        return new Encoded(values, columns, labels);
    }

    private Trial validate(Encoded all, List<int[][]> splits, Capacity capacity, double baseRate) throws XGBoostError {
        double logLoss = 0;
        int[] rounds = new int[splits.size()];
        for (int s = 0; s < splits.size(); s++) {
            float[] curve = new float[MAX_ROUNDS];
            Arrays.fill(curve, Float.NaN);
            fit(all, splits.get(s)[0], splits.get(s)[1], capacity, baseRate, MAX_ROUNDS, curve).dispose();
            int bestRound = 0;
            for (int r = 1; r < curve.length && !Float.isNaN(curve[r]); r++) {
                if (curve[r] < curve[bestRound]) {
                    bestRound = r;
                }
            }
            logLoss += curve[bestRound];
            rounds[s] = bestRound + 1;
        }
        Arrays.sort(rounds);
        return new Trial(capacity, logLoss / splits.size(), rounds[rounds.length / 2]);
    }

    /**
     * Boosts on {@code fitRows}; with {@code validationRows}, writes their log loss after each round into {@code curve} and stops
     * once {@value #EARLY_STOPPING_ROUNDS} rounds have not lowered it. Rounds are run one by one rather than through XGBoost.train's
     * own early stopping, which prints every round's log loss on the console.
     */
    private Booster fit(Encoded all, int[] fitRows, int[] validationRows, Capacity capacity, double baseRate, int rounds, float[] curve)
            throws XGBoostError {
        DMatrix train = all.matrix(fitRows);
        DMatrix validation = validationRows == null ? null : all.matrix(validationRows);
        try {
            Booster booster = XGBoost.train(train, parameters(capacity, baseRate), 0, Map.of(), null, null);
            float[] logLoss = new float[1];
            int best = 0;
            for (int round = 0; round < rounds; round++) {
                booster.update(train, round);
                if (validation != null) {
                    booster.evalSet(new DMatrix[] {validation}, new String[] {"validation"}, round, logLoss);
                    curve[round] = logLoss[0];
                    if (logLoss[0] < curve[best]) {
                        best = round;
                    }
                    if (round - best >= EARLY_STOPPING_ROUNDS) {
                        break;
                    }
                }
            }
            return booster;
        } finally {
            train.dispose();
            if (validation != null) {
                validation.dispose();
            }
        }
    }

    private Map<String, Object> parameters(Capacity capacity, double baseRate) {
        Map<String, Object> p = new HashMap<>();
        p.put("objective", "binary:logistic");
        p.put("eval_metric", "logloss");
        p.put("base_score", baseRate);
        p.put("eta", ETA);
        p.put("max_depth", capacity.depth());
        p.put("min_child_weight", capacity.minChildWeight(baseRate));
        p.put("max_delta_step", MAX_DELTA_STEP);
        p.put("subsample", SUBSAMPLE);
        p.put("colsample_bytree", COLUMN_SUBSAMPLE);
        p.put("lambda", L2);
        p.put("tree_method", "hist");
        p.put("nthread", Math.max(1, Runtime.getRuntime().availableProcessors()));
        p.put("seed", seed);
        p.put("verbosity", 0);
        return p;
    }

    private static double baseRate(boolean[] y, int[] rows) {
        int positives = 0;
        for (int r : rows) {
            positives += y[r] ? 1 : 0;
        }
        return (double) positives / rows.length;
    }

    private Properties provenance(TabularData data, String version, int rows, double baseRate, Stratified.Validation validation, List<Trial> trials,
                                  Trial best) {
        Properties p = new Properties();
        p.setProperty("kind", "gbt");
        p.setProperty("version", version);
        p.setProperty("target", data.targetName());
        p.setProperty("positive", data.positiveValue());
        p.setProperty("trainer", String.format(Locale.ROOT, "XGBoost binary:logistic, %s, %d rounds, eta %s, max delta step %s, subsample %s,"
                        + " column subsample %s, L2 %s, base rate %.6f, seed %d, on %d rows", best.capacity(), best.rounds(), ETA, MAX_DELTA_STEP,
                SUBSAMPLE, COLUMN_SUBSAMPLE, L2, baseRate, seed, rows));
        p.setProperty("selection", validation.description() + ", early stopping after " + EARLY_STOPPING_ROUNDS + " rounds without a lower log loss (at most "
                + MAX_ROUNDS + "), lowest mean validation log loss wins");
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            p.setProperty("trial." + (i + 1), String.format(Locale.ROOT, "%s: validation log loss %.6f at %d rounds%s", t.capacity(), t.logLoss(),
                    t.rounds(), t == best ? " (chosen)" : ""));
        }
        return p;
    }
}
