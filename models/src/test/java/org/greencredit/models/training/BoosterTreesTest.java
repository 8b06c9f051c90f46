package org.greencredit.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.greencredit.models.trees.BoosterTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trees walked in Java predict what XGBoost itself predicts for the same saved model, missing values included. */
class BoosterTreesTest {
    @TempDir
    Path dir;

    @Test
    void javaTreesAgreeWithXgboostOnRowsWithAndWithoutMissingValues() throws IOException {
        StringBuilder csv = new StringBuilder("leverage,pastDue,growth,defaulted\n");
        Random random = new Random(8);
        for (int i = 0; i < 3_000; i++) {
            double leverage = random.nextDouble() * 2;
            double growth = random.nextGaussian() * 0.2;
            int pastDue = random.nextInt(4) * 30;
            double p = 1 / (1 + Math.exp(-(-3 + 1.5 * leverage + pastDue / 60.0 - 2 * growth)));
            // A tenth of the growth values missing, so that the trees learn default directions.
            csv.append(String.format(Locale.ROOT, "%.4f,%d,%s,%d%n", leverage, pastDue, random.nextDouble() < 0.1 ? "" : String.format(Locale.ROOT,
                    "%.4f", growth), random.nextDouble() < p ? 1 : 0));
        }
        Path data = dir.resolve("loans.csv");
        Files.writeString(data, csv);
        Path model = dir.resolve("gbt");
        ModelTraining.train(data, "defaulted", "1", Set.of(), model, 42, ModelTraining.Kind.GBT);
        TrainedGbt loaded = TrainedGbt.load(model);
        assertThat(BoosterTrees.read(model.resolve(TrainedGbt.BOOSTER))).as("a binary-logistic model is walked in Java").isNotNull();

        List<Map<String, Double>> numbers = new ArrayList<>();
        List<Map<String, String>> texts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Map<String, Double> row = new HashMap<>();
            row.put("leverage", i % 17 == 0 ? null : random.nextDouble() * 2.5);
            row.put("pastDue", (double) (random.nextInt(5) * 30));
            row.put("growth", i % 5 == 0 ? null : random.nextGaussian() * 0.3);
            numbers.add(row);
            Map<String, String> text = new HashMap<>();
            row.forEach((k, v) -> text.put(k, v == null ? "" : Float.toString(v.floatValue())));
            texts.add(text);
        }
        double[] java = loaded.predictValues(numbers);
        double[] native_ = loaded.predict(texts);
        for (int i = 0; i < java.length; i++) {
            assertThat(java[i]).as("row %d", i).isCloseTo(native_[i], within(1e-6));
        }
    }
}
