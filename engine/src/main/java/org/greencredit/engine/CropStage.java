package org.greencredit.engine;

import java.util.ArrayList;
import java.util.List;
import org.greencredit.core.rating.NotAssessed;
import org.greencredit.core.rating.PlotAssessment;
import org.greencredit.core.request.Plot;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.text.TextCatalogue;
import org.greencredit.models.crop.CropEstimator;

/**
 * The plots of farms through the crop estimator, noting each plot that could not be estimated or was estimated on
 * less than a year. The plots of several requests go through together: the classifiers and the yield model then
 * take one call for all of them, which costs little more than one call for one farm.
 */
final class CropStage {
    private final CropEstimator crops;
    private final TextCatalogue texts;

    /** One request's plots, in its order, and what could not be assessed about them. */
    record Estimates(List<PlotAssessment> plots, List<NotAssessed> notAssessed) {
    }

    CropStage(CropEstimator crops, TextCatalogue texts) {
        this.crops = crops;
        this.texts = texts;
    }

    List<String> modelVersions() {
        return crops.modelVersions();
    }

    /** The estimates of each request, in order; a plot's estimate does not depend on the plots beside it. */
    List<Estimates> assess(List<RatingRequest> requests) {
        List<Plot> estimable = new ArrayList<>();
        List<List<NotAssessed>> incomplete = new ArrayList<>(requests.size());
        int[] counts = new int[requests.size()];
        for (int r = 0; r < requests.size(); r++) {
            List<NotAssessed> notes = new ArrayList<>();
            RatingRequest request = requests.get(r);
            if (request.hasPlots()) {
                for (Plot plot : request.plots()) {
                    if (plot.declaredCrop() == null || plot.geometry() == null) {
                        notes.add(NotAssessed.of("crop.plots." + plot.id(), texts.get("crop.plotIncomplete").with("plot", plot.id())));
                    } else {
                        estimable.add(plot);
                        counts[r]++;
                    }
                }
            }
            incomplete.add(notes);
        }
        List<PlotAssessment> all = estimable.isEmpty() ? List.of() : crops.estimate(estimable);
        List<Estimates> estimates = new ArrayList<>(requests.size());
        int from = 0;
        for (int r = 0; r < requests.size(); r++) {
            List<PlotAssessment> plots = List.copyOf(all.subList(from, from + counts[r]));
            from += counts[r];
            List<NotAssessed> notes = incomplete.get(r);
            notes.addAll(partYearNotes(plots));
            estimates.add(new Estimates(plots, notes));
        }
        return estimates;
    }

    private List<NotAssessed> partYearNotes(List<PlotAssessment> plots) {
        List<NotAssessed> notes = new ArrayList<>();
        for (PlotAssessment p : plots) {
            if (!CropEstimator.REFERENCE_YIELD.equals(p.yieldBasis())) {
                continue;
            }
            String key;
            if (p.stageDate() == null) {
                key = "crop.tooFewReadings";
            } else if (CropEstimator.DECLARED.equals(p.cropBasis())) {
                key = "crop.partYearDeclared";
            } else {
                key = "crop.partYearRecognised";
            }
            notes.add(NotAssessed.of("crop.plots." + p.plotId() + ".ndvi", texts.get(key).with("plot", p.plotId())));
        }
        return notes;
    }
}
