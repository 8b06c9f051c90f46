package org.greencredit.models.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.models.tabular.TabularData;

/** The model card written beside a trained model, in Markdown for people and JSON for tools. */
final class ModelCard {
    /** The card for tools: what was trained on which data, and how it did on the hold-out. */
    record Json(String version, String kind, String target, String positive, String trainingDataSha256, int trainRows,
                List<String> features, List<String> ignoredColumns, Metrics holdout) {
    }

    private ModelCard() {
    }

    static void write(Path dir, ModelTraining.Trained t, TabularData table, Path data, String dataSha256, String featureTable,
                      String modelDescription) {
        Metrics m = t.holdout();
        String md = "# Model card: " + t.version() + "\n\n"
                + "- **Model**: " + modelDescription.lines().findFirst().orElse("") + ".\n"
                + "- **Target**: `" + table.targetName() + "`, positive class `" + table.positiveValue()
                + "` (the event the PD is the probability of).\n"
                + "- **Training data**: `" + data.getFileName() + "`, SHA-256 `" + dataSha256 + "`; " + t.trainRows()
                + " training rows, " + m.n() + " stratified hold-out rows; " + t.droppedRows() + " rows without a target left out.\n"
                + "- **Features used**: " + String.join(", ", t.features()) + ".\n"
                + "- **Columns set aside**: " + (t.ignoredColumns().isEmpty() ? "none" : String.join(", ", t.ignoredColumns())) + ".\n"
                + "- **Hold-out metrics**: AUC " + ModelTraining.format(m.auc()) + ", Gini " + ModelTraining.format(m.gini()) + ", KS "
                + ModelTraining.format(m.ks()) + ", Brier " + ModelTraining.format(m.brier()) + ", accuracy "
                + ModelTraining.format(m.accuracy()) + ".\n"
                + "- **Intended use**: probability of default for credit decisions with human review of referrals.\n"
                + "- **Limitations**: learns only what the table shows; re-check calibration when the population or the default"
                + " definition changes.\n\n"
                + (featureTable.isEmpty() ? "" : featureTable + "\n\n")
                + "## Calibration on the hold-out (deciles of predicted PD)\n\n| n | mean predicted | observed |\n|---|---|---|\n"
                + m.calibration().stream().map(c -> "| " + c.n() + " | " + ModelTraining.format(c.meanPredicted()) + " | "
                        + ModelTraining.format(c.observed()) + " |").collect(Collectors.joining("\n"))
                + modelDescription.lines().skip(1).collect(Collectors.joining("\n", "\n", "\n"));
        String json = GreenCreditJson.mapper().writeValueAsString(new Json(t.version(), t.kind().name().toLowerCase(Locale.ROOT),
                table.targetName(), table.positiveValue(), dataSha256, t.trainRows(), t.features(), t.ignoredColumns(), m));
        try {
            Files.write(dir.resolve("model-card.md"), ModelTraining.utf8(md));
            Files.write(dir.resolve("model-card.json"), ModelTraining.utf8(json + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
