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
 * @param drivers         the credit figures the default process read, known here even when the request has no credit section
 */
public record GroundTruth(String smeId, double pd, boolean defaulted, double greenPropensity, boolean farm,
                          String trueCrop, boolean falseCropDeclared, String distortion, CreditDrivers drivers) {

    /**
     * The inputs of {@link DefaultProcess} for one SME.
     *
     * @param inflowCv coefficient of variation of its monthly inflows
     * @param growth   annual growth of its inflows
     * @param taxShare tax paid over revenue
     * @param leverage existing debt over annual inflow
     */
    public record CreditDrivers(double revenueCny, double inflowCv, double growth, double taxShare, double leverage,
                                int maxPastDueDays, double yearsInBusiness) {
    }
}
