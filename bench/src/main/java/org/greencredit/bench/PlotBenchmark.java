package org.greencredit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.greencredit.core.rating.PlotAssessment;
import org.greencredit.core.request.Plot;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.engine.EngineSettings;
import org.greencredit.models.crop.CropEstimator;
import org.greencredit.models.crop.YieldModel;
import org.greencredit.models.series.SeriesClassifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole plot pipeline (area, season and stage, crop recognition, yield, value, cross-checks):
 * one call per farm as a rating makes it (an operation is a farm, about two plots), and batches of
 * {@value #BATCH} plots as a pipeline would send them (an operation is a plot).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx2g"})
public class PlotBenchmark {
    static final int BATCH = 256;

    /** Farms to cycle through. */
    @Param("500")
    public int count;

    @Param("7")
    public long seed;

    CropEstimator estimator;
    List<List<Plot>> farms;
    List<List<Plot>> batches;

    @State(Scope.Thread)
    public static class Cursor {
        int farm;
        int batch;
    }

    @Setup
    public void setUp() {
        EngineSettings settings = EngineSettings.shipped();
        estimator = new CropEstimator(ReferenceData.shipped(), SeriesClassifier.shipped(settings.cropModel()),
                SeriesClassifier.shipped(settings.earlyCropModel()), YieldModel.shipped(settings.yieldModel()));
        farms = Requests.generate(seed, count, 24, RatingRequest::hasPlots).stream().map(RatingRequest::plots).toList();
        List<Plot> all = farms.stream().flatMap(List::stream).toList();
        batches = new ArrayList<>();
        for (int from = 0; from + BATCH <= all.size(); from += BATCH) {
            batches.add(all.subList(from, from + BATCH));
        }
        if (batches.isEmpty()) {
            throw new IllegalArgumentException(count + " farms hold fewer than " + BATCH + " plots");
        }
    }

    @Benchmark
    public List<PlotAssessment> oneCallPerFarm(Cursor cursor) {
        List<Plot> farm = farms.get(cursor.farm);
        cursor.farm = cursor.farm + 1 == farms.size() ? 0 : cursor.farm + 1;
        return estimator.estimate(farm);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<PlotAssessment> batchesOfPlots(Cursor cursor) {
        List<Plot> batch = batches.get(cursor.batch);
        cursor.batch = cursor.batch + 1 == batches.size() ? 0 : cursor.batch + 1;
        return estimator.estimate(batch);
    }
}
