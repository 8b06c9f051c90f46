package org.greencredit.models.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.greencredit.models.credit.PdScaling;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.tabular.Column;
import org.greencredit.models.tabular.TabularData;
import org.greencredit.models.tabular.TabularReader;

/**
 * {@code model train} and {@code model evaluate} on a user's own labelled table. Training holds
 * out a stratified fifth of the rows to measure the model honestly, then writes the model, the
 * Tribuo model behind it and a model card (Markdown and JSON) to the output directory.
 */
public final class ModelTraining {
    static final double HOLDOUT_SHARE = 0.2;
    public static final String TRIBUO_MODEL = "tribuo-logistic.model";

    private ModelTraining() {
    }

    /** Model kinds: the interpretable champion and the boosted challenger. */
    public enum Kind {
        SCORECARD, GBT
    }

    /** What training produced, for the command line to print. */
    public record Trained(Kind kind, String version, List<String> features, Metrics holdout, int trainRows, List<String> ignoredColumns,
                          int droppedRows) {
    }

    public static Trained train(Path data, String target, String positive, Set<String> exclude, Path out, long seed, Kind kind) {
        TabularData table = TabularReader.read(data, target, positive, exclude);
        int[][] split = Stratified.split(table.target(), HOLDOUT_SHARE, seed);
        String dataSha256 = sha256(data);
        boolean[] holdoutTarget = select(table.target(), split[1]);
        if (kind == Kind.GBT) {
            TrainedGbt gbt = new GbtTrainer(seed).train(table, split[0], "gbt-" + dataSha256.substring(0, 12));
            Metrics holdout = Metrics.of(gbt.predict(rows(table, split[1], gbt.features())), holdoutTarget);
            gbt.save(out);
            ModelDrift.reference(TrainedModel.of(gbt), table, Stratified.allRows(table.rows())).save(out);
            Trained trained = new Trained(kind, gbt.version(), gbt.features(), holdout, split[0].length, table.ignoredColumns(),
                    table.droppedRows());
            ModelCard.write(out, trained, table, data, dataSha256, "", "gradient-boosted trees (XGBoost, binary logistic objective); numeric"
                    + " features as numbers with missing values left to the trees, categories as their weight of evidence; capacity and"
                    + " number of rounds chosen on the training rows by validation log loss with early stopping (" + gbt.property("selection")
                    + "); per-prediction contributions from the booster (TreeSHAP) add up to the log-odds\n\n## Settings tried\n\n"
                    + gbt.trials().stream().map(t -> "- " + t).collect(java.util.stream.Collectors.joining("\n")));
            return trained;
        }
        ScorecardTrainer.Result result = new ScorecardTrainer(ScorecardTrainer.STANDARD_SCALING, seed).train(table, split[0], "scorecard-" + dataSha256.substring(0, 12));
        Scorecard scorecard = result.scorecard();
        Metrics holdout = Metrics.of(predict(scorecard, rows(table, split[1], List.copyOf(scorecard.bins().keySet()))), holdoutTarget);
        scorecard.save(out);
        ModelDrift.reference(TrainedModel.of(scorecard), table, Stratified.allRows(table.rows())).save(out);
        try (OutputStream stream = Files.newOutputStream(out.resolve(TRIBUO_MODEL))) {
            result.model().serializeToStream(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Trained trained = new Trained(kind, scorecard.version(), List.copyOf(scorecard.bins().keySet()), holdout, split[0].length,
                table.ignoredColumns(), table.droppedRows());
        String features = scorecard.bins().entrySet().stream()
                .map(e -> "| " + e.getKey() + " | " + format(result.informationValues().get(e.getKey())) + " | " + e.getValue().size() + " |")
                .collect(java.util.stream.Collectors.joining("\n"));
        ModelCard.write(out, trained, table, data, dataSha256, "| feature | information value | bins |\n|---|---|---|\n" + features,
                "points scorecard with whole points per bin, in the engine's scorecard format (the champion's type); monotone"
                        + " weight-of-evidence bins per feature, Tribuo logistic regression on the WoE values, " + describe(scorecard.scaling())
                        + ". Every feature's points are its exact contribution; base + points = score\n\n## Tribuo provenance\n\n```\n" + result.model().getProvenance() + "\n```");
        return trained;
    }

    public static Metrics evaluate(Path modelDir, Path data, String target, String positive) {
        return evaluate(modelDir, data, target, positive, List.of()).overall();
    }

    /** Metrics overall and, for each segment column, per value of that column. */
    public record Evaluation(@JsonUnwrapped Metrics overall,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Map<String, Metrics>> segments) {
    }

    public static Evaluation evaluate(Path modelDir, Path data, String target, String positive, List<String> segmentColumns) {
        Properties properties = properties(modelDir);
        String positiveValue = positive != null ? positive : properties.getProperty("positive");
        TabularData table = TabularReader.read(data, target, positiveValue, Set.of());
        int[] all = Stratified.allRows(table.rows());
        TrainedModel model = TrainedModel.load(modelDir, properties);
        double[] p = model.predict(rows(table, all, model.features()));
        Map<String, Map<String, Metrics>> segments = new java.util.LinkedHashMap<>();
        for (String name : segmentColumns) {
            Column column = table.columns().stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no segment column '" + name + "' in " + data));
            Map<String, List<Integer>> groups = new java.util.TreeMap<>();
            for (int i = 0; i < all.length; i++) {
                groups.computeIfAbsent(column.raw()[i] == null ? "(missing)" : column.raw()[i], k -> new ArrayList<>()).add(i);
            }
            Map<String, Metrics> byValue = new java.util.LinkedHashMap<>();
            groups.forEach((value, members) -> {
                double[] gp = members.stream().mapToDouble(i -> p[i]).toArray();
                boolean[] gy = new boolean[members.size()];
                for (int k = 0; k < gy.length; k++) {
                    gy[k] = table.target()[members.get(k)];
                }
                byValue.put(value, Metrics.of(gp, gy));
            });
            segments.put(name, byValue);
        }
        return new Evaluation(Metrics.of(p, table.target()), segments);
    }

    static Properties properties(Path modelDir) {
        Path file = modelDir.resolve(Scorecard.PROPERTIES);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(modelDir + " is not a model directory: " + Scorecard.PROPERTIES + " is missing");
        }
        Properties p = new Properties();
        try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The raw values of the given features for the given rows; a feature the table lacks is missing. */
    static List<Map<String, String>> rows(TabularData table, int[] rows, List<String> features) {
        Map<String, Column> byName = new HashMap<>();
        table.columns().forEach(c -> byName.put(c.name(), c));
        List<Map<String, String>> out = new ArrayList<>(rows.length);
        for (int r : rows) {
            Map<String, String> row = new HashMap<>();
            for (String feature : features) {
                Column c = byName.get(feature);
                row.put(feature, c == null ? null : c.raw()[r]);
            }
            out.add(row);
        }
        return out;
    }

    static double[] predict(Scorecard scorecard, List<Map<String, String>> rows) {
        double[] p = new double[rows.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = scorecard.pdOf(scorecard.scoreRow(rows.get(i)));
        }
        return p;
    }

    private static boolean[] select(boolean[] y, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = y[rows[i]];
        }
        return out;
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(PdScaling s) {
        return format(s.basePoints()) + " points at " + format(s.baseOdds()) + ":1 good:bad odds, " + format(s.pointsToDoubleOdds())
                + " points to double the odds";
    }

    static String format(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
