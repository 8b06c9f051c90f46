package org.greencredit.models.training;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.greencredit.models.credit.Bin;
import org.greencredit.models.credit.Scorecard;

/**
 * A model {@code model train} wrote, of either kind, as evaluation and drift use it: its version,
 * the inputs it reads, which of them are numbers, and its probability of the positive class for
 * rows of raw values.
 */
record TrainedModel(String version, List<String> features, Set<String> numeric, Function<List<Map<String, String>>, double[]> scorer) {

    static TrainedModel of(TrainedGbt gbt) {
        return new TrainedModel(gbt.version(), gbt.features(), Set.copyOf(gbt.numericFeatures()), gbt::predict);
    }

    static TrainedModel of(Scorecard scorecard) {
        Set<String> numeric = new LinkedHashSet<>();
        scorecard.bins().forEach((feature, bins) -> {
            if (bins.stream().anyMatch(b -> b.kind() == Bin.Kind.RANGE)) {
                numeric.add(feature);
            }
        });
        return new TrainedModel(scorecard.version(), List.copyOf(scorecard.bins().keySet()), Set.copyOf(numeric),
                rows -> ModelTraining.predict(scorecard, rows));
    }

    /** The model in a directory whose model.properties the caller has read. */
    static TrainedModel load(Path dir, Properties properties) {
        return "gbt".equals(properties.getProperty("kind")) ? of(TrainedGbt.load(dir, properties)) : of(Scorecard.fromDirectory(dir));
    }

    static TrainedModel load(Path dir) {
        return load(dir, ModelTraining.properties(dir));
    }

    double[] predict(List<Map<String, String>> rows) {
        return scorer.apply(rows);
    }
}
