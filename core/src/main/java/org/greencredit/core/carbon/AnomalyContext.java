package org.greencredit.core.carbon;

/**
 * What the distortion checks compare an account with.
 *
 * @param expectedElectricityKgPerYear electricity emissions the industry benchmark and revenue imply; null when revenue is unknown
 * @param tariffMinCnyPerKwh           lowest plausible electricity price paid
 * @param tariffMaxCnyPerKwh           highest plausible electricity price paid
 */
public record AnomalyContext(Double expectedElectricityKgPerYear, double tariffMinCnyPerKwh, double tariffMaxCnyPerKwh) {
}
