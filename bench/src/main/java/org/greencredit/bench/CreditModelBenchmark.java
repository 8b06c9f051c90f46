package org.greencredit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.engine.EngineSettings;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.reports.FeatureTable;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.credit.ScorecardResult;
import org.greencredit.models.training.ModelTraining;
import org.greencredit.models.training.TrainedGbt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Credit predictions with their explanations: the champion scorecard one applicant at a time (score,
 * PD, grade and every feature's points), and a boosted challenger, trained here on a synthetic
 * feature table, in batches of {@value #GBT_BATCH} (probabilities plus TreeSHAP contributions), and
 * one firm at a time as a rating scores it in shadow.
 */
public class CreditModelBenchmark extends EngineBenchmark {
    static final int GBT_BATCH = 1_000;

    /** Rows of the feature table; at least {@value #GBT_BATCH}. */
    @Param("5000")
    public int count;

    Scorecard champion;
    List<Map<String, Double>> features;
    TrainedGbt challenger;
    List<Map<String, String>> rows;

    @Setup
    public void setUp() throws IOException {
        if (count < GBT_BATCH) {
            throw new IllegalArgumentException("count must be at least " + GBT_BATCH + ", got " + count);
        }
        Path dir = Files.createTempDirectory("greencredit-bench-models");
        try (RatingEngine engine = RatingEngine.standard(Clock.systemUTC())) {
            Path table = dir.resolve("features.csv");
            FeatureTable.write(engine, new SyntheticPopulation(seed, YearMonth.of(2025, 12), 24, ReferenceData.shipped()), count, table);
            champion = Scorecard.shipped(EngineSettings.shipped().scorecard());
            rows = FeatureTable.read(table);
            features = new ArrayList<>(rows.size());
            rows.forEach(row -> features.add(FeatureTable.numbers(row, champion.features().keySet())));
            Set<String> notFeatures = new HashSet<>(FeatureTable.SEGMENTS);
            notFeatures.add(FeatureTable.TRUE_PD);
            ModelTraining.train(table, FeatureTable.OUTCOME, "1", notFeatures, dir.resolve("gbt"), seed, ModelTraining.Kind.GBT);
            challenger = TrainedGbt.load(dir.resolve("gbt"));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(CreditModelBenchmark::delete);
            }
        }
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public ScorecardResult championWithPoints(Cursor cursor) {
        return champion.score(features.get(cursor.next(features.size())));
    }

    /** The challenger as a rating scores it in shadow: one firm's engine features, its trees walked in Java. */
    @Benchmark
    public double[] challengerInShadowOneFirm(Cursor cursor) {
        return challenger.predictValues(List.of(features.get(cursor.next(features.size()))));
    }

    @Benchmark
    @OperationsPerInvocation(GBT_BATCH)
    public void challengerWithTreeShapInBatches(Cursor cursor, Blackhole hole) {
        int from = cursor.next(rows.size() / GBT_BATCH) * GBT_BATCH;
        List<Map<String, String>> batch = rows.subList(from, from + GBT_BATCH);
        hole.consume(challenger.predict(batch));
        hole.consume(challenger.contributions(batch));
    }
}
