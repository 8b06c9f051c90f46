/** Labelled time series (NDVI curves and the like): reading, gap filling, phenology features, classification. */
package org.greencredit.models.series;
