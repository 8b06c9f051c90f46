package org.greencredit.models.series;

import java.util.List;

/**
 * Labelled, equally spaced series (one NDVI curve per plot, say), all resampled to one length.
 *
 * @param length  the common length the series were brought to
 * @param targets one number per series (a yield, say) when the file has a target column, else empty
 */
public record LabelledSeries(List<String> labels, List<double[]> values, int length, List<Double> targets) {
    public LabelledSeries(List<String> labels, List<double[]> values, int length) {
        this(labels, values, length, List.of());
    }

    public int size() {
        return labels.size();
    }
}
