package org.greencredit.core.rating;

import java.util.List;

public record CropAssessment(List<PlotAssessment> plots) {
    public CropAssessment {
        plots = List.copyOf(plots);
    }
}
