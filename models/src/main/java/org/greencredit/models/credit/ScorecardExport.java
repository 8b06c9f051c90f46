package org.greencredit.models.credit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.greencredit.datasets.csv.CsvWriter;
import org.greencredit.models.training.TrainedScorecard;
import org.greencredit.models.training.WoeBin;

/**
 * Writes a trained scorecard in the engine's points-table format with whole points per bin, as
 * printed scorecards have: the score is then the intercept plus whole points, exactly, and the PD
 * follows from the same scaling.
 */
public final class ScorecardExport {
    private ScorecardExport() {
    }

    /**
     * @param texts per feature: name_zh, name_en, actionable, reason_code, reason_zh, reason_en (the direction is read from the bins)
     */
    public static void write(TrainedScorecard trained, Map<String, String[]> texts, Path dir, String version, String source) {
        try {
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(dir.resolve("scorecard.csv"), StandardCharsets.UTF_8); CsvWriter csv = new CsvWriter(w)) {
                csv.write(List.of("feature", "lower", "upper", "points", "source"));
                for (Map.Entry<String, List<WoeBin>> e : trained.bins().entrySet()) {
                    for (WoeBin b : e.getValue()) {
                        boolean missing = b.kind() == WoeBin.Kind.MISSING;
                        if (b.kind() != WoeBin.Kind.RANGE && !missing) {
                            throw new IllegalArgumentException("feature '" + e.getKey() + "' is categorical; the engine's scorecard takes numbers");
                        }
                        csv.write(List.of(e.getKey(), missing ? "MISSING" : b.lower() == null ? "" : Double.toString(b.lower()),
                                missing || b.upper() == null ? "" : Double.toString(b.upper()),
                                Long.toString(Math.round(b.points())), source + "; " + b.count() + " rows, " + b.positives() + " defaults"));
                    }
                }
            }
            try (Writer w = Files.newBufferedWriter(dir.resolve("features.csv"), StandardCharsets.UTF_8); CsvWriter csv = new CsvWriter(w)) {
                csv.write(List.of("feature", "name_zh", "name_en", "actionable", "better", "reason_code", "reason_zh", "reason_en", "source"));
                for (Map.Entry<String, List<WoeBin>> e : trained.bins().entrySet()) {
                    String[] t = texts.get(e.getKey());
                    if (t == null) {
                        throw new IllegalArgumentException("no reason texts for feature '" + e.getKey() + "'");
                    }
                    List<WoeBin> ranges = e.getValue().stream().filter(b -> b.kind() == WoeBin.Kind.RANGE).toList();
                    boolean higherIsBetter = ranges.get(ranges.size() - 1).points() >= ranges.get(0).points();
                    csv.write(List.of(e.getKey(), t[0], t[1], t[2], higherIsBetter ? "higher" : "lower", t[3], t[4], t[5], source));
                }
            }
            List<String> properties = new ArrayList<>();
            properties.add("# Trained scorecard in the engine's format: " + source);
            properties.add("version=" + version);
            properties.add("basePoints=600");
            properties.add("baseOdds=50");
            properties.add("pointsToDoubleOdds=20");
            properties.add("interceptPoints=" + Math.round(trained.base()));
            properties.add(String.format(Locale.ROOT, "source=%s", source));
            Files.write(dir.resolve("model.properties"), properties, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
