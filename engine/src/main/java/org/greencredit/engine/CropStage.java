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
 * The plots of a farm through the crop estimator (one classifier and one yield call for all of
 * them), noting each plot that could not be estimated or was estimated on less than a year.
 */
final class CropStage {
    private final CropEstimator crops;
    private final TextCatalogue texts;

    CropStage(CropEstimator crops, TextCatalogue texts) {
        this.crops = crops;
        this.texts = texts;
    }

    List<String> modelVersions() {
        return crops.modelVersions();
    }

    List<PlotAssessment> assess(RatingRequest request, List<NotAssessed> notAssessed) {
        List<Plot> estimable = new ArrayList<>();
        if (request.hasPlots()) {
            for (Plot plot : request.plots()) {
                if (plot.declaredCrop() == null || plot.geometry() == null) {
                    notAssessed.add(NotAssessed.of("crop.plots." + plot.id(), texts.get("crop.plotIncomplete").with("plot", plot.id())));
                } else {
                    estimable.add(plot);
                }
            }
        }
        List<PlotAssessment> plots = crops.estimate(estimable);
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
            notAssessed.add(NotAssessed.of("crop.plots." + p.plotId() + ".ndvi", texts.get(key).with("plot", p.plotId())));
        }
        return plots;
    }
}
