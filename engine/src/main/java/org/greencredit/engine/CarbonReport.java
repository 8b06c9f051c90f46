package org.greencredit.engine;

import org.greencredit.core.rating.CarbonAssessment;
import org.greencredit.core.rating.Dimensions;

/**
 * An SME's carbon account on its own: emissions by scope with every line's factor and source,
 * intensity, trend, data quality, distortion flags, carbon-efficiency level and the three dimensions.
 */
public record CarbonReport(String smeId, Integer carbonEfficiencyLevel, Double carbonEfficiencyK, Dimensions dimensions,
                           CarbonAssessment carbon) {
}
