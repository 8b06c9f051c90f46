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
 * {@code pointsToDoubleOdds}).
 */
public final class ScorecardTrainer {
    /** Features separating the classes less than this (information value) only add noise. */
    static final double MIN_INFORMATION_VALUE = 0.01;
    static final int EPOCHS = 40;
    static final double LEARNING_RATE = 0.5;
    static final String POSITIVE = "1";
    static final String NEGATIVE = "0";

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

    public Result train(TabularData data, int[] trainRows, String version) {
        WoeBinner binner = new WoeBinner(data.target(), trainRows);
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
        for (int r : trainRows) {
            double[] woe = new double[names.length];
            for (int j = 0; j < names.length; j++) {
                woe[j] = woeOnly.binOf(names[j], selected.get(j).raw()[r]).woe();
            }
            dataset.add(new ArrayExample<>(new Label(data.target()[r] ? POSITIVE : NEGATIVE), names, woe));
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
        for (String name : names) {
            int id = model.getFeatureIDMap().get(name).getID();
            double beta = w.get(pos, id) - w.get(neg, id);
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
        return new Result(recalibrated.toScorecard(version, provenance(data, ab[0], ab[1])), model, iv);
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
    private Map<String, String> provenance(TabularData data, double a, double b) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kind", "scorecard");
        p.put("target", data.targetName());
        p.put("positive", data.positiveValue());
        p.put("trainer", "Tribuo LinearSGDTrainer(LogMulticlass, AdaGrad " + LEARNING_RATE + ", " + EPOCHS + " epochs, seed " + seed
                + ") on monotone WoE bins");
        p.put("recalibration", "logit' = " + a + " + " + b + " x logit (Newton, training rows)");
        return p;
    }
}
