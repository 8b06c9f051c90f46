package org.greencredit.datasets.synthetic;

/**
 * What the generator knows about a synthetic SME and a model can only estimate.
 *
 * @param pd              probability of default of the generating process (see {@link DefaultProcess})
 * @param defaulted       the drawn outcome
 * @param greenPropensity latent green-ness 0..1 that drives behaviours, efficiency and risk
 * @param trueCrop        the crop a farm actually grows (its NDVI curves follow it)
 * @param falseCropDeclared the farm declares another crop than it grows
 * @param distortion      the kind of distorted carbon data injected, or null
 */
public record GroundTruth(String smeId, double pd, boolean defaulted, double greenPropensity, boolean farm,
                          String trueCrop, boolean falseCropDeclared, String distortion) {
}
