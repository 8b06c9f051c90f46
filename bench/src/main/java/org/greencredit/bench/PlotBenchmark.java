package org.greencredit.bench;

import java.util.ArrayList;
import java.util.List;
import org.greencredit.core.rating.PlotAssessment;
import org.greencredit.core.request.Plot;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.engine.EngineSettings;
import org.greencredit.models.crop.CropEstimator;
import org.greencredit.models.crop.YieldModel;
import org.greencredit.models.series.SeriesClassifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The whole plot pipeline (area, season and stage, crop recognition, yield, value, cross-checks):
 * one call per farm as a rating makes it (an operation is a farm, about two plots), and batches of
 * {@value #BATCH} plots as a pipeline would send them (an operation is a plot).
 */
public class PlotBenchmark extends EngineBenchmark {
    static final int BATCH = 256;

    /** Farms to cycle through. */
    @Param("500")
    public int count;

    CropEstimator estimator;
    List<List<Plot>> farms;
    List<List<Plot>> batches;

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
        return estimator.estimate(farms.get(cursor.next(farms.size())));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<PlotAssessment> batchesOfPlots(Cursor cursor) {
        return estimator.estimate(batches.get(cursor.next(batches.size())));
    }
}
