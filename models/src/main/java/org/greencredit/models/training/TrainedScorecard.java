package org.greencredit.models.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.greencredit.datasets.csv.CsvReader;
import org.greencredit.datasets.csv.CsvWriter;
import org.greencredit.models.tabular.TabularReader;

/**
 * A points scorecard learned from data: every feature's value falls in one bin and earns that
 * bin's points; the score is the base plus the points, so the contributions add up to the score
 * exactly, and {@code PD = 1 / (1 + exp((score - offset) / factor))} is the logistic model's own
 * probability. Saved as plain files (model.properties, bins.csv) a reviewer can read.
 */
public final class TrainedScorecard {
    public static final String PROPERTIES = "model.properties";
    public static final String BINS = "bins.csv";

    private final Properties properties;
    private final Map<String, List<WoeBin>> bins;
    private final Map<String, Boolean> numeric;
    private final double base;
    private final double factor;
    private final double offset;

    TrainedScorecard(Properties properties, Map<String, List<WoeBin>> bins, Map<String, Boolean> numeric) {
        this.properties = properties;
        this.bins = bins;
        this.numeric = numeric;
        this.base = Double.parseDouble(properties.getProperty("basePointsOfScore"));
        double pdo = Double.parseDouble(properties.getProperty("pointsToDoubleOdds"));
        this.factor = pdo / Math.log(2);
        this.offset = Double.parseDouble(properties.getProperty("basePoints")) - factor * Math.log(Double.parseDouble(properties.getProperty("baseOdds")));
    }

    public String positive() {
        return properties.getProperty("positive");
    }

    public String version() {
        return properties.getProperty("version");
    }

    public Map<String, List<WoeBin>> bins() {
        return bins;
    }

    public double base() {
        return base;
    }

    /** The bin a raw value (null or a missing spelling for missing) falls in. */
    public WoeBin binOf(String feature, String raw) {
        List<WoeBin> featureBins = bins.get(feature);
        boolean missing = raw == null || TabularReader.isMissing(raw);
        if (!missing && numeric.get(feature)) {
            Double value = TabularReader.parseNumber(raw);
            if (value != null) {
                for (WoeBin b : featureBins) {
                    if (b.holds(value)) {
                        return b;
                    }
                }
            }
            missing = true;
        }
        if (missing) {
            return find(featureBins, WoeBin.Kind.MISSING, null);
        }
        WoeBin category = find(featureBins, WoeBin.Kind.CATEGORY, raw.trim());
        return category != null ? category : find(featureBins, WoeBin.Kind.OTHER, null);
    }

    private static WoeBin find(List<WoeBin> bins, WoeBin.Kind kind, String category) {
        for (WoeBin b : bins) {
            if (b.kind() == kind && (category == null || category.equals(b.category()))) {
                return b;
            }
        }
        return null;
    }

    /** Points per feature for one row given as feature name to raw value. */
    public Map<String, Double> contributions(Map<String, String> row) {
        Map<String, Double> points = new LinkedHashMap<>();
        for (String feature : bins.keySet()) {
            WoeBin bin = binOf(feature, row.get(feature));
            points.put(feature, bin == null ? 0.0 : bin.points());
        }
        return points;
    }

    public double score(Map<String, String> row) {
        double s = base;
        for (double p : contributions(row).values()) {
            s += p;
        }
        return s;
    }

    public double pdOf(double score) {
        return 1.0 / (1.0 + Math.exp((score - offset) / factor));
    }

    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
                properties.store(out, "GreenCredit trained scorecard");
            }
            try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(BINS), StandardCharsets.UTF_8);
                 CsvWriter csv = new CsvWriter(out)) {
                csv.write(List.of("feature", "type", "kind", "lower", "upper", "category", "count", "positives", "woe", "points"));
                for (Map.Entry<String, List<WoeBin>> e : bins.entrySet()) {
                    for (WoeBin b : e.getValue()) {
                        csv.write(List.of(b.feature(), numeric.get(e.getKey()) ? "numeric" : "categorical", b.kind().name(),
                                b.lower() == null ? "" : repr(b.lower()), b.upper() == null ? "" : repr(b.upper()),
                                b.category() == null ? "" : b.category(), String.valueOf(b.count()), String.valueOf(b.positives()),
                                repr(b.woe()), repr(b.points())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model to " + dir + ": " + e.getMessage(), e);
        }
    }

    public static TrainedScorecard load(Path dir) {
        return load(dir, ModelTraining.properties(dir));
    }

    /** Loads the bins of a model directory whose model.properties the caller has read already. */
    static TrainedScorecard load(Path dir, Properties p) {
        Map<String, List<WoeBin>> bins = new LinkedHashMap<>();
        Map<String, Boolean> numeric = new LinkedHashMap<>();
        try (CsvReader csv = new CsvReader(Files.newBufferedReader(dir.resolve(BINS), StandardCharsets.UTF_8), BINS)) {
            List<String> header = csv.next();
            for (List<String> r = csv.next(); r != null; r = csv.next()) {
                if (r.size() != header.size()) {
                    continue;
                }
                String feature = r.get(0);
                numeric.put(feature, r.get(1).equals("numeric"));
                bins.computeIfAbsent(feature, k -> new ArrayList<>()).add(new WoeBin(feature, WoeBin.Kind.valueOf(r.get(2)),
                        r.get(3).isEmpty() ? null : Double.valueOf(r.get(3)), r.get(4).isEmpty() ? null : Double.valueOf(r.get(4)),
                        r.get(5).isEmpty() ? null : r.get(5), Integer.parseInt(r.get(6)), Integer.parseInt(r.get(7)),
                        Double.parseDouble(r.get(8)), Double.parseDouble(r.get(9))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TrainedScorecard(p, bins, numeric);
    }

    /** Shortest text that reads back as the same double, so a saved model scores exactly as the trained one. */
    private static String repr(double d) {
        return Double.toString(d).toLowerCase(Locale.ROOT);
    }
}
