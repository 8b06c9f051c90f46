package org.greencredit.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A model that {@code model train --kind gbt} wrote before the learner changed (Tribuo's two-class
 * XGBoost, saved as {@code gbt.model}) loads and predicts what it predicted then: the probabilities in
 * {@code expected-predictions.csv} were written by that release, for rows with a missing number, an
 * unseen category and a missing category.
 */
class LegacyGbtTest {
    @Test
    void aModelSavedByTheFirstReleasePredictsAsItDidThen() throws IOException, URISyntaxException {
        Path dir = Path.of(LegacyGbtTest.class.getResource("/legacy/gbt-tribuo-4.3.2/model.properties").toURI()).getParent();
        TrainedGbt gbt = TrainedGbt.load(dir);
        List<String> lines = Files.readAllLines(dir.resolve("expected-predictions.csv"));
        List<Map<String, String>> rows = new ArrayList<>();
        double[] expected = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            Map<String, String> row = new HashMap<>();
            row.put("debt", cells[0].isEmpty() ? null : cells[0]);
            row.put("income", cells[1].isEmpty() ? null : cells[1]);
            row.put("region", cells[2].isEmpty() ? null : cells[2]);
            rows.add(row);
            expected[i - 1] = Double.parseDouble(cells[3]);
        }
        assertThat(expected).hasSize(5);
        assertThat(gbt.predict(rows)).containsExactly(expected);
        assertThat(gbt.features()).containsExactly("debt", "income", "region");
        double p = expected[1];
        assertThat(gbt.contributions(rows.get(1)).values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(Math.log(p / (1 - p)), org.assertj.core.api.Assertions.within(1e-4));
    }
}
