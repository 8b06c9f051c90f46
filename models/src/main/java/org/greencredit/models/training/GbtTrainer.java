package org.greencredit.models.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.greencredit.models.tabular.Column;
import org.greencredit.models.tabular.TabularData;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the gradient-boosted challenger. Conservative settings that generalise on tabular
 * credit data without tuning: shallow trees, a small learning rate, row and column subsampling.
 */
public final class GbtTrainer {
    static final int TREES = 100;
    static final double ETA = 0.15;
    static final int MAX_DEPTH = 3;
    static final double MIN_CHILD_WEIGHT = 5;
    static final double SUBSAMPLE = 0.8;
    static final double COLUMN_SUBSAMPLE = 0.8;
    static final double L2 = 1.0;

    private final long seed;

    public GbtTrainer(long seed) {
        this.seed = seed;
    }

    public TrainedGbt train(TabularData data, int[] trainRows, String version) {
        WoeBinner binner = new WoeBinner(data.target(), trainRows);
        List<String> numeric = new ArrayList<>();
        Map<String, Map<String, Double>> categorical = new LinkedHashMap<>();
        for (Column c : data.columns()) {
            if (c.numeric()) {
                numeric.add(c.name());
            } else {
                Map<String, Double> woe = new HashMap<>();
                for (WoeBin b : binner.bin(c, data.target(), trainRows)) {
                    switch (b.kind()) {
                        case CATEGORY -> woe.put(b.category(), b.woe());
                        case OTHER -> woe.put("", b.woe());
                        case MISSING -> woe.put(null, b.woe());
                        default -> { }
                    }
                }
                categorical.put(c.name(), woe);
            }
        }
        Properties p = new Properties();
        p.setProperty("kind", "gbt");
        p.setProperty("version", version);
        p.setProperty("target", data.targetName());
        p.setProperty("positive", data.positiveValue());
        p.setProperty("trainer", "Tribuo XGBoostClassificationTrainer(" + TREES + " trees, eta " + ETA + ", depth " + MAX_DEPTH
                + ", min child weight " + MIN_CHILD_WEIGHT + ", subsample " + SUBSAMPLE + ", column subsample " + COLUMN_SUBSAMPLE
                + ", L2 " + L2 + ", seed " + seed + ")");
        TrainedGbt encoder = new TrainedGbt(p, null, numeric, categorical);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("training rows", factory), factory);
        Map<String, String> row = new HashMap<>();
        for (int r : trainRows) {
            row.clear();
            for (Column c : data.columns()) {
                row.put(c.name(), c.raw()[r]);
            }
            dataset.add(encoder.example(row, new Label(data.target()[r] ? TrainedGbt.POSITIVE : TrainedGbt.NEGATIVE)));
        }
        XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(TREES, ETA, 0.0, MAX_DEPTH, MIN_CHILD_WEIGHT,
                SUBSAMPLE, COLUMN_SUBSAMPLE, L2, 0.0, Math.max(1, Runtime.getRuntime().availableProcessors()), true, seed);
        XGBoostModel<Label> model = trainer.train(dataset);
        return new TrainedGbt(p, model, numeric, categorical);
    }
}
