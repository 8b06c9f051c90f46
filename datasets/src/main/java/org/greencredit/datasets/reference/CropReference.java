package org.greencredit.datasets.reference;

import org.greencredit.core.request.Crop;

/** Yield, price, loan-to-value and calendar of a crop, with the source of the figures. */
public record CropReference(Crop crop, String nameZh, String nameEn, double yieldKgPerMu, double priceCnyPerKg,
                            double loanToValue, int harvestMonth, double typicalPeakNdvi, String source) {
}
