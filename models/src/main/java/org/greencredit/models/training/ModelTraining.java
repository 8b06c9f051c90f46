package org.greencredit.models.training;

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
import java.util.Set;
import java.util.SplittableRandom;
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

    /** What training produced, for the command line to print. */
    public record Trained(TrainedScorecard scorecard, Metrics holdout, int trainRows, List<String> ignoredColumns, int droppedRows,
                          Map<String, Double> informationValues) {
    }

    public static Trained train(Path data, String target, String positive, Set<String> exclude, Path out, long seed) {
        TabularData table = TabularReader.read(data, target, positive, exclude);
        int[][] split = stratifiedSplit(table.target(), HOLDOUT_SHARE, seed);
        String version = "scorecard-" + sha256(data).substring(0, 12);
        ScorecardTrainer.Result result = new ScorecardTrainer(600, 50, 20, seed).train(table, split[0], version);
        Metrics holdout = Metrics.of(predict(result.scorecard(), table, split[1]), select(table.target(), split[1]));
        result.scorecard().save(out);
        try (OutputStream stream = Files.newOutputStream(out.resolve(TRIBUO_MODEL))) {
            result.model().serializeToStream(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Trained trained = new Trained(result.scorecard(), holdout, split[0].length, table.ignoredColumns(), table.droppedRows(),
                result.informationValues());
        ModelCard.write(out, trained, data, sha256(data), result.model().getProvenance().toString());
        return trained;
    }

    public static Metrics evaluate(Path modelDir, Path data, String target, String positive) {
        TrainedScorecard scorecard = TrainedScorecard.load(modelDir);
        String positiveValue = positive != null ? positive : scorecard.positive();
        TabularData table = TabularReader.read(data, target, positiveValue, Set.of());
        int[] all = new int[table.rows()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return Metrics.of(predict(scorecard, table, all), table.target());
    }

    static double[] predict(TrainedScorecard scorecard, TabularData table, int[] rows) {
        Map<String, Column> byName = new HashMap<>();
        table.columns().forEach(c -> byName.put(c.name(), c));
        double[] p = new double[rows.length];
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < rows.length; i++) {
            row.clear();
            for (String feature : scorecard.bins().keySet()) {
                Column c = byName.get(feature);
                row.put(feature, c == null ? null : c.raw()[rows[i]]);
            }
            p[i] = scorecard.pdOf(scorecard.score(row));
        }
        return p;
    }

    /** Row indices for training and hold-out, the same share of each class in both. */
    static int[][] stratifiedSplit(boolean[] y, double holdoutShare, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> holdout = new ArrayList<>();
        for (boolean cls : new boolean[] {true, false}) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (y[i] == cls) {
                    rows.add(i);
                }
            }
            for (int i = rows.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer t = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, t);
            }
            int cut = (int) Math.round(rows.size() * holdoutShare);
            holdout.addAll(rows.subList(0, cut));
            train.addAll(rows.subList(cut, rows.size()));
        }
        return new int[][] {train.stream().mapToInt(Integer::intValue).sorted().toArray(),
            holdout.stream().mapToInt(Integer::intValue).sorted().toArray()};
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

    static String format(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
