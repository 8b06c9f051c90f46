package org.greencredit.models.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greencredit.models.credit.PdScaling;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.tabular.Column;
import org.greencredit.models.tabular.TabularData;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains a points scorecard: monotone WoE binning per feature, features with too little
 * information value dropped, a Tribuo logistic regression on the WoE values, and points per bin
 * from its coefficients with the usual scaling ({@code basePoints} at {@code baseOdds} good:bad,
 * {@code pointsToDoubleOdds}). How hard to shrink small bins' WoE toward zero is chosen on the
 * training rows given, from {@link #BINNINGS}, by validation log loss ({@link Stratified.Validation}: 5-fold
 * cross-validation below 5,000 rows, one stratified fifth above): strong shrinkage wins on a few
 * hundred rows, light on many. Every trial is recorded in model.properties.
 */
public final class ScorecardTrainer {
    /** Features separating the classes less than this (information value) only add noise. */
    static final double MIN_INFORMATION_VALUE = 0.01;
    static final int EPOCHS = 40;
    static final double LEARNING_RATE = 0.5;
    static final String POSITIVE = "1";
    static final String NEGATIVE = "0";
    /**
     * From strongly to lightly shrunk WoE, on fine bins. Coarser bins (a larger smallest share) were tried and left out: they merge
     * small groups that carry much of the risk (the few firms with arrears), which cost AUC on the synthetic population (0.673 to
     * 0.645 at 2,000 rows) where shrinkage alone cost nothing (BENCHMARKS.md).
     */
    static final List<WoeBinner.Binning> BINNINGS = List.of(new WoeBinner.Binning(20, 0.03, 50), new WoeBinner.Binning(20, 0.03, 20),
            new WoeBinner.Binning(20, 0.03, 5), WoeBinner.Binning.FINE);

    /**
     * The usual scaling of printed scorecards (600 points at 50:1 good:bad odds, 20 points to double the
     * odds); recorded in every trained model.properties. The PD does not depend on it, only how many
     * points a bin is worth.
     */
    public static final PdScaling STANDARD_SCALING = new PdScaling(600, 50, 20);

    private final PdScaling scaling;
    private final long seed;

    public ScorecardTrainer(PdScaling scaling, long seed) {
        this.scaling = scaling;
        this.seed = seed;
    }

    /** The trained scorecard and the Tribuo model behind it (kept for its provenance). */
    public record Result(Scorecard scorecard, LinearSGDModel model, Map<String, Double> informationValues) {
    }

    /**
     * One binning's validation: the mean log loss of the scorecards it gave on the held-back rows, and
     * by how much it beat the lightest smoothing, row by row (mean and standard error of the paired
     * differences; zero for the lightest itself).
     */
    record Trial(WoeBinner.Binning binning, double logLoss, double gain, double standardError) {
        /** Stronger smoothing must earn its place: better than the lightest by more than one standard error. */
        boolean clearlyBetter() {
            return gain - standardError > 0;
        }
    }

    public Result train(TabularData data, int[] trainRows, String version) {
        Stratified.Validation validation = Stratified.Validation.of(data.target(), trainRows, seed);
        List<int[][]> splits = validation.splits();
        WoeBinner.Binning lightest = BINNINGS.get(BINNINGS.size() - 1);
        double[] reference = rowLogLosses(data, splits, lightest);
        List<Trial> trials = new ArrayList<>();
        Trial best = new Trial(lightest, mean(reference), 0, 0);
        for (WoeBinner.Binning binning : BINNINGS.subList(0, BINNINGS.size() - 1)) {
            double[] losses = rowLogLosses(data, splits, binning);
            double[] gains = new double[losses.length];
            for (int i = 0; i < gains.length; i++) {
                gains[i] = reference[i] - losses[i];
            }
            double gain = mean(gains);
            double variance = 0;
            for (double g : gains) {
                variance += (g - gain) * (g - gain);
            }
            Trial trial = new Trial(binning, mean(losses), gain, Math.sqrt(variance / (gains.length - 1) / gains.length));
            trials.add(trial);
            if (trial.clearlyBetter() && trial.logLoss() < best.logLoss()) {
                best = trial;
            }
        }
        trials.add(new Trial(lightest, mean(reference), 0, 0));
        Result result = fit(data, trainRows, version, best.binning());
        Map<String, String> provenance = new LinkedHashMap<>(result.scorecard().provenance());
        provenance.put("selection", validation.description() + ": the lowest mean validation log loss among the smoothings that beat the lightest by more than"
                + " one standard error of the row-by-row difference, else the lightest");
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            provenance.put("trial." + (i + 1), String.format(java.util.Locale.ROOT, "%s: validation log loss %.6f, %.6f +- %.6f better than the"
                    + " lightest%s", t.binning(), t.logLoss(), t.gain(), t.standardError(), t.binning().equals(best.binning()) ? " (chosen)" : ""));
        }
        return new Result(result.scorecard().withProvenance(provenance), result.model(), result.informationValues());
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /**
     * Each held-back row's log loss under the scorecard trained without it with the given binning, rows of all splits in turn;
     * infinite where no feature separated the classes.
     */
    private double[] rowLogLosses(TabularData data, List<int[][]> splits, WoeBinner.Binning binning) {
        int n = splits.stream().mapToInt(split -> split[1].length).sum();
        double[] losses = new double[n];
        int at = 0;
        for (int[][] split : splits) {
            Scorecard scorecard = null;
            try {
                scorecard = fit(data, split[0], "validation", binning).scorecard();
            } catch (IllegalArgumentException noFeatureSeparates) {
                java.util.Arrays.fill(losses, at, at + split[1].length, Double.POSITIVE_INFINITY);
            }
            if (scorecard != null) {
                double[] p = ModelTraining.predict(scorecard, ModelTraining.rows(data, split[1], List.copyOf(scorecard.bins().keySet())));
                for (int i = 0; i < p.length; i++) {
                    double clipped = Math.min(1 - 1e-15, Math.max(1e-15, p[i]));
                    losses[at + i] = data.target()[split[1][i]] ? -Math.log(clipped) : -Math.log(1 - clipped);
                }
            }
            at += split[1].length;
        }
        return losses;
    }

    private Result fit(TabularData data, int[] trainRows, String version, WoeBinner.Binning binning) {
        WoeBinner binner = new WoeBinner(data.target(), trainRows, binning);
        Map<String, List<WoeBin>> bins = new LinkedHashMap<>();
        Map<String, Boolean> numeric = new LinkedHashMap<>();
        Map<String, Double> iv = new LinkedHashMap<>();
        for (Column column : data.columns()) {
            List<WoeBin> featureBins = binner.bin(column, data.target(), trainRows);
            double value = binner.informationValue(featureBins);
            iv.put(column.name(), value);
            if (value >= MIN_INFORMATION_VALUE) {
                bins.put(column.name(), featureBins);
                numeric.put(column.name(), column.numeric());
            }
        }
        if (bins.isEmpty()) {
            throw new IllegalArgumentException("no feature separates the classes (information value below "
                    + MIN_INFORMATION_VALUE + " for all): " + iv);
        }
        WoeScorecard woeOnly = new WoeScorecard(bins, numeric, 0, scaling);
        String[] names = bins.keySet().toArray(String[]::new);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("training rows", factory), factory);
        List<Column> selected = new ArrayList<>();
        for (String name : names) {
            selected.add(data.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow());
        }
        double[][] woe = new double[trainRows.length][names.length];
        for (int i = 0; i < trainRows.length; i++) {
            for (int j = 0; j < names.length; j++) {
                woe[i][j] = woeOnly.binOf(names[j], selected.get(j).raw()[trainRows[i]]).woe();
            }
        }
        // Gradient descent reaches the same optimum whatever the inputs' scale only after many more epochs: shrunk WoE values are
        // small, so each column is divided by its standard deviation and the coefficients divided back afterwards.
        double[] sd = standardDeviations(woe, names.length);
        for (int i = 0; i < trainRows.length; i++) {
            double[] scaled = new double[names.length];
            for (int j = 0; j < names.length; j++) {
                scaled[j] = woe[i][j] / sd[j];
            }
            dataset.add(new ArrayExample<>(new Label(data.target()[trainRows[i]] ? POSITIVE : NEGATIVE), names, scaled));
        }
        // Logging interval beyond any data size: the trainer's progress lines would only clutter the CLI.
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(LEARNING_RATE, 0.1), EPOCHS,
                Integer.MAX_VALUE, 1, seed);
        LinearSGDModel model = trainer.train(dataset);

        // Softmax over two labels: logit(positive) = (w_pos - w_neg) . woe + (b_pos - b_neg).
        DenseMatrix w = model.getWeightsCopy();
        int pos = model.getOutputIDInfo().getID(new Label(POSITIVE));
        int neg = model.getOutputIDInfo().getID(new Label(NEGATIVE));
        int biasColumn = w.getDimension2Size() - 1;
        double factor = scaling.factor();
        double offset = scaling.offset();
        double bias = w.get(pos, biasColumn) - w.get(neg, biasColumn);
        Map<String, List<WoeBin>> pointed = new LinkedHashMap<>();
        for (int j = 0; j < names.length; j++) {
            String name = names[j];
            int id = model.getFeatureIDMap().get(name).getID();
            double beta = (w.get(pos, id) - w.get(neg, id)) / sd[j];
            List<WoeBin> withPoints = new ArrayList<>();
            for (WoeBin b : bins.get(name)) {
                // Good:bad log-odds are -logit(positive); each bin's share of that, in points.
                withPoints.add(b.withPoints(-factor * beta * b.woe()));
            }
            pointed.put(name, withPoints);
        }
        WoeScorecard sgd = new WoeScorecard(pointed, numeric, offset - factor * bias, scaling);
        double[] ab = recalibration(sgd, selected, data.target(), trainRows, scaling);
        WoeScorecard recalibrated = rescaled(sgd, ab[0], ab[1], scaling);
        return new Result(recalibrated.toScorecard(version, provenance(data, binning, ab[0], ab[1])), model, iv);
    }

    /** Each column's standard deviation over the rows; 1 for a constant column, which then carries nothing either way. */
    private static double[] standardDeviations(double[][] x, int columns) {
        double[] sd = new double[columns];
        for (int j = 0; j < columns; j++) {
            double sum = 0;
            double squares = 0;
            for (double[] row : x) {
                sum += row[j];
                squares += row[j] * row[j];
            }
            double mean = sum / x.length;
            double variance = squares / x.length - mean * mean;
            sd[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
        }
        return sd;
    }

    /**
     * Stochastic gradient descent stops near, not at, the likelihood optimum, which shows as a
     * slightly compressed spread of probabilities. A two-parameter logistic fit of the outcome on the
     * scorecard's own log-odds (Newton's method, exact) restores level and spread: {@code {a, b}} of
     * {@code logit' = a + b x logit}.
     */
    private static double[] recalibration(WoeScorecard sgd, List<Column> columns, boolean[] y, int[] rows, PdScaling scaling) {
        double factor = scaling.factor();
        double offset = scaling.offset();
        double[] x = new double[rows.length];
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i++) {
            row.clear();
            for (Column c : columns) {
                row.put(c.name(), c.raw()[rows[i]]);
            }
            x[i] = (offset - sgd.score(row)) / factor;
        }
        double a = 0;
        double b = 1;
        for (int iteration = 0; iteration < 25; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 0;
            double hab = 0;
            double hbb = 0;
            for (int i = 0; i < rows.length; i++) {
                double p = 1 / (1 + Math.exp(-(a + b * x[i])));
                double r = (y[rows[i]] ? 1 : 0) - p;
                double w = p * (1 - p);
                ga += r;
                gb += r * x[i];
                haa += w;
                hab += w * x[i];
                hbb += w * x[i] * x[i];
            }
            double det = haa * hbb - hab * hab;
            if (det <= 0) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a += da;
            b += db;
            if (Math.abs(da) + Math.abs(db) < 1e-10) {
                break;
            }
        }
        return new double[] {a, b};
    }

    /** The recalibrated scorecard: every bin's points scaled by the same factor keeps base + points = score exact. */
    private static WoeScorecard rescaled(WoeScorecard sgd, double a, double b, PdScaling scaling) {
        double offset = scaling.offset();
        double newBase = offset - scaling.factor() * a - b * (offset - sgd.base());
        Map<String, List<WoeBin>> scaled = new LinkedHashMap<>();
        sgd.bins().forEach((feature, bins) -> scaled.put(feature, bins.stream().map(bin -> bin.withPoints(b * bin.points())).toList()));
        return new WoeScorecard(scaled, sgd.numeric(), newBase, scaling);
    }

    /** What model.properties records beside the points: the kind, the target and its positive class, the trainer and the recalibration. */
    private Map<String, String> provenance(TabularData data, WoeBinner.Binning binning, double a, double b) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kind", "scorecard");
        p.put("target", data.targetName());
        p.put("positive", data.positiveValue());
        p.put("trainer", "Tribuo LinearSGDTrainer(LogMulticlass, AdaGrad " + LEARNING_RATE + ", " + EPOCHS + " epochs, seed " + seed
                + ") on monotone WoE bins, each feature's WoE divided by its standard deviation: " + binning);
        p.put("recalibration", "logit' = " + a + " + " + b + " x logit (Newton, training rows)");
        return p;
    }
}
