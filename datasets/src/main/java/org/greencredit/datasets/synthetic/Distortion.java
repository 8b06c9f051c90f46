package org.greencredit.datasets.synthetic;

/**
 * Kinds of distorted carbon data (碳数据失真) the generator can inject, each with the check code
 * that should catch it.
 */
public enum Distortion {
    /** The latest four months of electricity repeat one reading. */
    COPIED_MONTHS("COPIED_MONTHS"),
    /** Every energy quantity reported as zero while revenue flows. */
    ZERO_ENERGY("ZERO_ENERGY_WITH_REVENUE"),
    /** Electricity reported at a tenth of its true amount. */
    UNDER_REPORTED("ELECTRICITY_IMPLAUSIBLY_LOW"),
    /** Electricity reported at six times its true amount. */
    INFLATED("ELECTRICITY_IMPLAUSIBLY_HIGH"),
    /** The latest three months of electricity cut to 30% with no measure recorded. */
    SUDDEN_DROP("SUDDEN_DROP"),
    /** Electricity spend three times what the kWh would cost. */
    TARIFF_MISMATCH("TARIFF_MISMATCH");

    private final String expectedCode;

    Distortion(String expectedCode) {
        this.expectedCode = expectedCode;
    }

    /** The anomaly code of the check meant to catch this distortion. */
    public String expectedCode() {
        return expectedCode;
    }
}
