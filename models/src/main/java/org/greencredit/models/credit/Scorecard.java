package org.greencredit.models.credit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.greencredit.core.carbon.Rounding;
import org.greencredit.core.rating.Contribution;
import org.greencredit.datasets.csv.CsvFormatException;
import org.greencredit.datasets.reference.ReferenceTable;

/**
 * A points scorecard: each feature falls in one bin and earns its points; the score is the
 * intercept plus the points, and the probability of default follows from the scaling
 * {@code score = offset + factor * ln(odds)}, {@code factor = PDO / ln 2},
 * {@code offset = basePoints - factor * ln(baseOdds)}. Immutable and thread-safe.
 */
public final class Scorecard {
    private final String version;
    private final int interceptPoints;
    private final double factor;
    private final double offset;
    private final Map<String, List<Bin>> bins;
    private final Map<String, FeatureInfo> features;
    private final CreditGrades grades;

    private Scorecard(String version, int interceptPoints, double basePoints, double baseOdds, double pdo,
                      Map<String, List<Bin>> bins, Map<String, FeatureInfo> features, CreditGrades grades) {
        this.version = version;
        this.interceptPoints = interceptPoints;
        this.factor = pdo / Math.log(2);
        this.offset = basePoints - factor * Math.log(baseOdds);
        this.bins = bins;
        this.features = features;
        this.grades = grades;
    }

    /** Loads a scorecard shipped under {@code /models/credit/NAME/}. */
    public static Scorecard shipped(String name) {
        String dir = "/models/credit/" + name + "/";
        return load(file -> Scorecard.class.getResourceAsStream(dir + file), name);
    }

    /** Loads a scorecard written to a directory (model.properties, scorecard.csv, features.csv). */
    public static Scorecard fromDirectory(Path dir) {
        return load(file -> {
            Path path = dir.resolve(file);
            try {
                return Files.exists(path) ? Files.newInputStream(path) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, dir.toString());
    }

    private interface Source {
        InputStream open(String file) throws IOException;
    }

    private static ReferenceTable table(Source source, String file, String where, String... columns) {
        try (InputStream in = source.open(file)) {
            if (in == null) {
                throw new IllegalStateException("scorecard " + where + " has no " + file);
            }
            return ReferenceTable.parse(file, in.readAllBytes(), columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Scorecard load(Source source, String name) {
        Properties p = new Properties();
        try (InputStream in = source.open("model.properties")) {
            if (in == null) {
                throw new IllegalStateException("scorecard " + name + " has no model.properties");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, FeatureInfo> features = new LinkedHashMap<>();
        for (ReferenceTable.Row r : table(source, "features.csv", name, "feature", "name_zh", "name_en",
                "actionable", "better", "reason_code", "reason_zh", "reason_en").rows()) {
            features.put(r.text("feature"), new FeatureInfo(r.text("feature"), r.text("name_zh"), r.text("name_en"),
                    Boolean.parseBoolean(r.text("actionable")), "higher".equals(r.text("better")), r.text("reason_code"),
                    r.text("reason_zh"), r.text("reason_en")));
        }
        Map<String, List<Bin>> bins = new LinkedHashMap<>();
        for (ReferenceTable.Row r : table(source, "scorecard.csv", name, "feature", "lower", "upper", "points").rows()) {
            String feature = r.text("feature");
            if (!features.containsKey(feature)) {
                throw new CsvFormatException(r.where("feature") + ": feature '" + feature + "' is not described in features.csv");
            }
            boolean missing = "MISSING".equals(r.text("lower"));
            Double lower = missing || r.isBlank("lower") ? null : r.number("lower");
            Double upper = r.isBlank("upper") ? null : r.number("upper");
            bins.computeIfAbsent(feature, k -> new ArrayList<>()).add(new Bin(feature, lower, upper, missing, r.integer("points")));
        }
        for (String feature : features.keySet()) {
            List<Bin> featureBins = bins.get(feature);
            if (featureBins == null || featureBins.stream().noneMatch(Bin::missing)) {
                throw new IllegalStateException("scorecard " + name + ": feature '" + feature + "' needs bins including a MISSING bin");
            }
        }
        return new Scorecard(p.getProperty("version"), Integer.parseInt(p.getProperty("interceptPoints")),
                Double.parseDouble(p.getProperty("basePoints")), Double.parseDouble(p.getProperty("baseOdds")),
                Double.parseDouble(p.getProperty("pointsToDoubleOdds")), bins, features, CreditGrades.shipped());
    }

    public String version() {
        return version;
    }

    public Map<String, FeatureInfo> features() {
        return features;
    }

    public ScorecardResult score(Map<String, Double> values) {
        int score = interceptPoints;
        List<Contribution> contributions = new ArrayList<>();
        Map<String, Integer> belowBest = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<Bin>> e : bins.entrySet()) {
            Double value = values.get(e.getKey());
            Bin bin = binOf(e.getKey(), value);
            score += bin.points();
            contributions.add(new Contribution(e.getKey(), value == null ? null : Rounding.ratio(value), bin.points()));
            belowBest.put(e.getKey(), best(e.getKey()) - bin.points());
            if (value == null) {
                missing.add(e.getKey());
            }
        }
        double pd = pdOf(score);
        return new ScorecardResult(score, Rounding.ratio(pd), grades.gradeOf(pd), interceptPoints, contributions, belowBest,
                missing, values);
    }

    /** Probability of default at a score. */
    public double pdOf(double score) {
        double odds = Math.exp((score - offset) / factor);
        return 1.0 / (1.0 + odds);
    }

    public String gradeOf(double pd) {
        return grades.gradeOf(pd);
    }

    Bin binOf(String feature, Double value) {
        for (Bin bin : bins.get(feature)) {
            if (bin.contains(value)) {
                return bin;
            }
        }
        throw new IllegalStateException("scorecard " + version + ": no bin of '" + feature + "' holds " + value);
    }

    List<Bin> bins(String feature) {
        return bins.get(feature);
    }

    private int best(String feature) {
        return bins.get(feature).stream().mapToInt(Bin::points).max().orElse(0);
    }
}
