package org.greencredit.models.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The model card written beside a trained model, in Markdown for people and JSON for tools. */
final class ModelCard {
    private ModelCard() {
    }

    static void write(Path dir, ModelTraining.Trained t, Path data, String dataSha256, String provenance) {
        TrainedScorecard s = t.scorecard();
        Metrics m = t.holdout();
        String features = s.bins().entrySet().stream()
                .map(e -> "| " + e.getKey() + " | " + ModelTraining.format(t.informationValues().get(e.getKey())) + " | "
                        + e.getValue().size() + " |")
                .collect(Collectors.joining("\n"));
        String dropped = t.informationValues().entrySet().stream().filter(e -> !s.bins().containsKey(e.getKey()))
                .map(Map.Entry::getKey).collect(Collectors.joining(", "));
        String md = "# Model card: " + s.version() + "\n\n"
                + "- **Model**: points scorecard; monotone weight-of-evidence bins per feature, Tribuo logistic regression on the WoE"
                + " values, 600 points at 50:1 good:bad odds, 20 points to double the odds. Every feature's points are its exact"
                + " contribution; base + points = score.\n"
                + "- **Target**: `" + s.target() + "`, positive class `" + s.positive() + "` (the event the PD is the probability of).\n"
                + "- **Training data**: `" + data.getFileName() + "`, SHA-256 `" + dataSha256 + "`; " + t.trainRows()
                + " training rows, " + m.n() + " stratified hold-out rows; " + t.droppedRows() + " rows without a target left out.\n"
                + "- **Columns set aside**: " + (t.ignoredColumns().isEmpty() ? "none" : String.join(", ", t.ignoredColumns()))
                + (dropped.isEmpty() ? "" : "; too little information value (< " + ScorecardTrainer.MIN_INFORMATION_VALUE + "): " + dropped)
                + ".\n"
                + "- **Hold-out metrics**: AUC " + ModelTraining.format(m.auc()) + ", Gini " + ModelTraining.format(m.gini()) + ", KS "
                + ModelTraining.format(m.ks()) + ", Brier " + ModelTraining.format(m.brier()) + ", accuracy "
                + ModelTraining.format(m.accuracy()) + ".\n"
                + "- **Intended use**: probability of default for credit decisions with human review of referrals; explanations from"
                + " the points table.\n"
                + "- **Limitations**: learns only what the table shows; monotone bins cannot express U-shaped effects; re-check"
                + " calibration when the population or default definition changes.\n\n"
                + "| feature | information value | bins |\n|---|---|---|\n" + features + "\n\n"
                + "## Calibration on the hold-out (deciles of predicted PD)\n\n| n | mean predicted | observed |\n|---|---|---|\n"
                + m.calibration().stream().map(c -> "| " + c.n() + " | " + ModelTraining.format(c.meanPredicted()) + " | "
                        + ModelTraining.format(c.observed()) + " |").collect(Collectors.joining("\n"))
                + "\n\n## Tribuo provenance\n\n```\n" + provenance + "\n```\n";
        String json = "{\"version\":\"" + s.version() + "\",\"kind\":\"scorecard\",\"target\":" + quote(s.target()) + ",\"positive\":"
                + quote(s.positive()) + ",\"trainingDataSha256\":\"" + dataSha256 + "\",\"trainRows\":" + t.trainRows()
                + ",\"features\":" + quoteAll(List.copyOf(s.bins().keySet())) + ",\"ignoredColumns\":" + quoteAll(t.ignoredColumns())
                + ",\"holdout\":" + m.toJson() + "}";
        try {
            Files.write(dir.resolve("model-card.md"), ModelTraining.utf8(md));
            Files.write(dir.resolve("model-card.json"), ModelTraining.utf8(json + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String quoteAll(List<String> values) {
        return values.stream().map(ModelCard::quote).collect(Collectors.joining(",", "[", "]"));
    }
}
