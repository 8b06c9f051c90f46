package org.greencredit.models.credit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.greencredit.core.carbon.Rounding;
import org.greencredit.core.rating.Contribution;
import org.greencredit.datasets.csv.CsvFormatException;
import org.greencredit.datasets.csv.CsvWriter;
import org.greencredit.datasets.reference.ReferenceTable;
import org.greencredit.models.tabular.TabularReader;

/**
 * A points scorecard, the engine's champion and whatever {@code model train --kind scorecard}
 * writes alike: each feature falls in one bin and earns its whole points; the score is the intercept
 * plus the points, exactly, and the probability of default follows from the {@link PdScaling}. Saved
 * as plain files a reviewer can read: {@code model.properties}, {@code scorecard.csv} (bins and
 * points, each with its source) and {@code features.csv} (names, direction and reason texts).
 * Immutable and thread-safe.
 */
public final class Scorecard {
    public static final String PROPERTIES = "model.properties";
    public static final String BINS = "scorecard.csv";
    public static final String FEATURES = "features.csv";
    /** The lower-bound words of bins that are not ranges. */
    private static final String MISSING = "MISSING";
    private static final String OTHER = "OTHER";

    private final String version;
    private final int interceptPoints;
    private final PdScaling scaling;
    private final Map<String, List<Bin>> bins;
    private final Map<String, FeatureInfo> features;
    private final CreditGrades grades;
    /** What else model.properties says (kind, target, positive class, trainer, source), kept in order for saving. */
    private final Map<String, String> provenance;

    public Scorecard(String version, int interceptPoints, PdScaling scaling, Map<String, List<Bin>> bins, Map<String, FeatureInfo> features,
                     Map<String, String> provenance) {
        this.version = version;
        this.interceptPoints = interceptPoints;
        this.scaling = scaling;
        this.bins = copy(bins);
        this.features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
        this.grades = CreditGrades.shipped();
        this.provenance = new LinkedHashMap<>(provenance);
        for (String feature : this.features.keySet()) {
            if (!this.bins.containsKey(feature)) {
                throw new IllegalArgumentException("scorecard " + version + ": feature '" + feature + "' is described but has no bins");
            }
        }
        for (String feature : this.bins.keySet()) {
            if (!this.features.containsKey(feature)) {
                throw new IllegalArgumentException("scorecard " + version + ": feature '" + feature + "' has no description");
            }
            if (this.bins.get(feature).stream().noneMatch(Bin::missing)) {
                throw new IllegalArgumentException("scorecard " + version + ": feature '" + feature + "' needs bins including a MISSING bin");
            }
        }
    }

    private static Map<String, List<Bin>> copy(Map<String, List<Bin>> bins) {
        Map<String, List<Bin>> copy = new LinkedHashMap<>();
        bins.forEach((feature, list) -> copy.put(feature, List.copyOf(list)));
        return copy;
    }

    /** Loads a scorecard shipped under {@code /models/credit/NAME/}. */
    public static Scorecard shipped(String name) {
        String dir = "/models/credit/" + name + "/";
        return load(file -> Scorecard.class.getResourceAsStream(dir + file), name);
    }

    /** Loads a scorecard written to a directory, by {@link #save} or by hand. */
    public static Scorecard fromDirectory(Path dir) {
        return load(file -> {
            Path path = dir.resolve(file);
            return Files.exists(path) ? Files.newInputStream(path) : null;
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
        try (InputStream in = source.open(PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("scorecard " + name + " has no " + PROPERTIES);
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, FeatureInfo> features = new LinkedHashMap<>();
        for (ReferenceTable.Row r : table(source, FEATURES, name, "feature", "name_zh", "name_en",
                "actionable", "better", "reason_code", "reason_zh", "reason_en").rows()) {
            features.put(r.text("feature"), new FeatureInfo(r.text("feature"), r.text("name_zh"), r.text("name_en"),
                    Boolean.parseBoolean(r.text("actionable")), "higher".equals(r.text("better")), r.text("reason_code"),
                    r.text("reason_zh"), r.text("reason_en")));
        }
        Map<String, List<Bin>> bins = new LinkedHashMap<>();
        for (ReferenceTable.Row r : table(source, BINS, name, "feature", "lower", "upper", "points").rows()) {
            String feature = r.text("feature");
            if (!features.containsKey(feature)) {
                throw new CsvFormatException(r.where("feature") + ": feature '" + feature + "' is not described in " + FEATURES);
            }
            bins.computeIfAbsent(feature, k -> new ArrayList<>()).add(bin(r, feature));
        }
        String version = p.getProperty("version");
        if (version == null || p.getProperty("interceptPoints") == null) {
            throw new IllegalStateException("scorecard " + name + ": " + PROPERTIES + " needs version and interceptPoints");
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (!List.of("version", "interceptPoints", "basePoints", "baseOdds", "pointsToDoubleOdds").contains(key)) {
                provenance.put(key, p.getProperty(key));
            }
        }
        try {
            return new Scorecard(version, Integer.parseInt(p.getProperty("interceptPoints").strip()), PdScaling.from(p, "scorecard " + name),
                    bins, features, provenance);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("scorecard " + name + ": interceptPoints '" + p.getProperty("interceptPoints")
                    + "' is not a whole number", e);
        }
    }

    private static Bin bin(ReferenceTable.Row r, String feature) {
        String lower = r.text("lower");
        String category = r.has("category") ? r.text("category") : "";
        int points = r.integer("points");
        String source = r.text("source");
        if (MISSING.equals(lower)) {
            return new Bin(feature, Bin.Kind.MISSING, null, null, null, points, source);
        }
        if (OTHER.equals(lower)) {
            return new Bin(feature, Bin.Kind.OTHER, null, null, null, points, source);
        }
        if (!category.isEmpty()) {
            return new Bin(feature, Bin.Kind.CATEGORY, null, null, category, points, source);
        }
        return new Bin(feature, Bin.Kind.RANGE, lower.isEmpty() ? null : r.number("lower"), r.isBlank("upper") ? null : r.number("upper"), null,
                points, source);
    }

    /** Writes the three files {@link #fromDirectory} reads. */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            Properties p = new Properties();
            p.setProperty("version", version);
            p.setProperty("interceptPoints", Integer.toString(interceptPoints));
            scaling.writeTo(p);
            provenance.forEach(p::setProperty);
            try (Writer out = Files.newBufferedWriter(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
                p.store(out, "GreenCredit points scorecard");
            }
            try (Writer w = Files.newBufferedWriter(dir.resolve(BINS), StandardCharsets.UTF_8); CsvWriter csv = new CsvWriter(w)) {
                csv.write(List.of("feature", "lower", "upper", "category", "points", "source"));
                for (List<Bin> featureBins : bins.values()) {
                    for (Bin b : featureBins) {
                        String lower = switch (b.kind()) {
                            case MISSING -> MISSING;
                            case OTHER -> OTHER;
                            case CATEGORY -> "";
                            case RANGE -> b.lower() == null ? "" : Double.toString(b.lower());
                        };
                        csv.write(List.of(b.feature(), lower, b.upper() == null ? "" : Double.toString(b.upper()),
                                b.category() == null ? "" : b.category(), Integer.toString(b.points()), b.source()));
                    }
                }
            }
            try (Writer w = Files.newBufferedWriter(dir.resolve(FEATURES), StandardCharsets.UTF_8); CsvWriter csv = new CsvWriter(w)) {
                csv.write(List.of("feature", "name_zh", "name_en", "actionable", "better", "reason_code", "reason_zh", "reason_en", "source"));
                for (String feature : bins.keySet()) {
                    FeatureInfo f = features.get(feature);
                    csv.write(List.of(feature, f.nameZh(), f.nameEn(), Boolean.toString(f.actionable()), f.higherIsBetter() ? "higher" : "lower",
                            f.reasonCode(), f.reasonZh(), f.reasonEn(), provenance.getOrDefault("source", "scorecard " + version)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scorecard to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The same bins and points under another version, with other feature texts and a source for every file. */
    public Scorecard relabelled(String newVersion, Map<String, FeatureInfo> newFeatures, String source) {
        Map<String, List<Bin>> relabelled = new LinkedHashMap<>();
        bins.forEach((feature, list) -> relabelled.put(feature, list.stream()
                .map(b -> new Bin(b.feature(), b.kind(), b.lower(), b.upper(), b.category(), b.points(), source + "; " + b.source())).toList()));
        Map<String, String> newProvenance = new LinkedHashMap<>();
        newProvenance.put("source", source);
        return new Scorecard(newVersion, interceptPoints, scaling, relabelled, newFeatures, newProvenance);
    }

    public String version() {
        return version;
    }

    public int interceptPoints() {
        return interceptPoints;
    }

    public PdScaling scaling() {
        return scaling;
    }

    /** A property of the model from model.properties other than the points and scaling, e.g. {@code positive}; null when absent. */
    public String property(String key) {
        return provenance.get(key);
    }

    /** Everything model.properties records besides the points and scaling (kind, target, trainer, selection...), in order. */
    public Map<String, String> provenance() {
        return Collections.unmodifiableMap(provenance);
    }

    /** The same scorecard with other provenance, e.g. the settings its trainer tried before choosing. */
    public Scorecard withProvenance(Map<String, String> newProvenance) {
        return new Scorecard(version, interceptPoints, scaling, bins, features, newProvenance);
    }

    /** The same bins, points and provenance with other names and reason texts for the features. */
    public Scorecard withFeatureTexts(Map<String, FeatureInfo> newFeatures) {
        return new Scorecard(version, interceptPoints, scaling, bins, newFeatures, provenance);
    }

    public Map<String, FeatureInfo> features() {
        return features;
    }

    /** Every feature's bins, in the scorecard's order. */
    public Map<String, List<Bin>> bins() {
        return bins;
    }

    /** Scores the features a rating computes (numbers; null or absent for missing). */
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

    /**
     * The score of one row of a user's table, each feature given as its raw text: numbers fall in
     * ranges, categories in their own bin or OTHER, and an empty or missing spelling (NA, ?, ...) in MISSING.
     */
    public int scoreRow(Map<String, String> row) {
        int score = interceptPoints;
        for (String feature : bins.keySet()) {
            score += binOfRaw(feature, row.get(feature)).points();
        }
        return score;
    }

    /** The bin a raw value (null or a missing spelling for missing) falls in. */
    public Bin binOfRaw(String feature, String raw) {
        List<Bin> featureBins = bins.get(feature);
        if (raw == null || TabularReader.isMissing(raw)) {
            return find(featureBins, Bin.Kind.MISSING, null);
        }
        boolean categorical = featureBins.stream().anyMatch(b -> b.kind() == Bin.Kind.CATEGORY || b.kind() == Bin.Kind.OTHER);
        if (!categorical) {
            Double value = TabularReader.parseNumber(raw);
            return value == null ? find(featureBins, Bin.Kind.MISSING, null) : binOf(feature, value);
        }
        Bin category = find(featureBins, Bin.Kind.CATEGORY, raw.trim());
        return category != null ? category : find(featureBins, Bin.Kind.OTHER, null);
    }

    private static Bin find(List<Bin> bins, Bin.Kind kind, String category) {
        for (Bin b : bins) {
            if (b.kind() == kind && (category == null || category.equals(b.category()))) {
                return b;
            }
        }
        return null;
    }

    /** Probability of default at a score. */
    public double pdOf(double score) {
        return scaling.pdOf(score);
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
