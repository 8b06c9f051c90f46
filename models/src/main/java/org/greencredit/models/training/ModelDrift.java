package org.greencredit.models.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.greencredit.models.drift.DriftReport;
import org.greencredit.models.drift.PopulationReference;
import org.greencredit.models.tabular.Column;
import org.greencredit.models.tabular.TabularData;
import org.greencredit.models.tabular.TabularReader;

/**
 * Drift monitoring of a model directory written by {@code model train}, of either kind: the
 * reference written at training ({@code reference.csv}, or later from the training table with
 * {@code model reference}) and {@code model drift} on new rows, with or without outcomes.
 */
public final class ModelDrift {
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})[-/.年](\\d{1,2}).*");

    private ModelDrift() {
    }

    /**
     * The reference of the given rows of the table a model was trained on (model train gives all of them, hold-out included:
     * the population the model was built for), written beside the model it has just saved.
     */
    static PopulationReference reference(TrainedModel model, TabularData table, int[] rows) {
        Map<String, Column> byName = new HashMap<>();
        table.columns().forEach(c -> byName.put(c.name(), c));
        Map<String, String[]> raw = new LinkedHashMap<>();
        for (String feature : model.features()) {
            String[] values = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                values[i] = byName.get(feature).raw()[rows[i]];
            }
            raw.put(feature, values);
        }
        return PopulationReference.of(raw, model.numeric(), model.predict(ModelTraining.rows(table, rows, model.features())),
                "rows of the training table of " + model.version() + " (" + rows.length + " rows)");
    }

    /** Writes {@code reference.csv} for a model trained before drift monitoring, from the table it was trained on. */
    public static PopulationReference writeReference(Path modelDir, Path trainingData) {
        TrainedModel model = TrainedModel.load(modelDir);
        Map<String, String[]> raw = TabularReader.readColumns(trainingData, model.features());
        PopulationReference reference = PopulationReference.of(raw, model.numeric(), model.predict(rows(raw)),
                "rows of " + trainingData.getFileName() + " scored by " + model.version() + " ("
                        + raw.values().iterator().next().length + " rows)");
        reference.save(modelDir);
        return reference;
    }

    /**
     * The drift of the rows of {@code data} against the model's reference.
     *
     * @param monthColumn a column giving each row's month (2026-11, 2026-11-30, 2026/11/30 or 2026年11月), or null
     */
    public static DriftReport.Report drift(Path modelDir, Path data, String monthColumn) {
        PopulationReference reference = PopulationReference.load(modelDir);
        TrainedModel model = TrainedModel.load(modelDir);
        List<String> wanted = new ArrayList<>(model.features());
        if (monthColumn != null) {
            wanted.add(monthColumn);
        }
        Map<String, String[]> raw = TabularReader.readColumns(data, wanted);
        String[] months = monthColumn == null ? null : months(raw.remove(monthColumn));
        double[] scores = model.predict(rows(raw));
        Map<String, Object[]> values = new LinkedHashMap<>();
        for (String variable : reference.variables()) {
            if (variable.equals(PopulationReference.SCORE)) {
                Double[] boxed = new Double[scores.length];
                for (int i = 0; i < scores.length; i++) {
                    boxed[i] = scores[i];
                }
                values.put(variable, boxed);
            } else {
                String[] column = raw.get(variable);
                if (column == null) {
                    throw new IllegalStateException(modelDir + ": the reference has '" + variable + "', which the model does not read");
                }
                values.put(variable, model.numeric().contains(variable) ? PopulationReference.numbers(column) : column);
            }
        }
        return DriftReport.of(model.version(), reference, values, months);
    }

    private static String[] months(String[] raw) {
        String[] months = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            java.util.regex.Matcher m = raw[i] == null ? null : YEAR_MONTH.matcher(raw[i]);
            months[i] = m == null ? null : m.matches() ? m.group(1) + "-" + (m.group(2).length() == 1 ? "0" : "") + m.group(2) : raw[i];
        }
        return months;
    }

    private static List<Map<String, String>> rows(Map<String, String[]> raw) {
        int n = raw.isEmpty() ? 0 : raw.values().iterator().next().length;
        List<Map<String, String>> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            Map<String, String> row = new HashMap<>();
            for (Map.Entry<String, String[]> e : raw.entrySet()) {
                row.put(e.getKey(), e.getValue()[r]);
            }
            rows.add(row);
        }
        return rows;
    }
}
