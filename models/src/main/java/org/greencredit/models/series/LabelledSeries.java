package org.greencredit.models.series;

import java.util.List;

/**
 * Labelled, equally spaced series (one NDVI curve per plot, say), all resampled to one length.
 *
 * @param length the common length the series were brought to
 */
public record LabelledSeries(List<String> labels, List<double[]> values, int length) {
    public int size() {
        return labels.size();
    }
}
