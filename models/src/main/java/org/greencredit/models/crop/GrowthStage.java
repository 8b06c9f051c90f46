package org.greencredit.models.crop;

/**
 * Where a plot's season stands on a date, read from its smoothed NDVI curve. The stage sets the
 * funding need: inputs are bought before and during green-up, the crop is sold after harvest.
 */
public enum GrowthStage {
    /** The curve shows no season: it never rises by the minimum amplitude. */
    NO_SEASON,
    /** Before the curve starts rising (sowing, transplanting, dormancy). */
    PRE_SEASON,
    /** Rising towards the peak (vegetative growth). */
    GREEN_UP,
    /** Within the peak share of the amplitude (heading, flowering, full canopy). */
    PEAK,
    /** Falling after the peak (ripening, senescence). */
    SENESCENCE,
    /** After the end of season: harvested or bare. */
    HARVESTED
}
