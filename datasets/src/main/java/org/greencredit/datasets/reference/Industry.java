package org.greencredit.datasets.reference;

/**
 * A GB/T 4754-2017 division with its carbon-intensity benchmark.
 *
 * @param benchmarkKgPer10kCny scope 1+2 kgCO2e per 10k CNY of revenue for small firms of the division
 */
public record Industry(char section, String division, String nameZh, String nameEn,
                       double benchmarkKgPer10kCny, String benchmarkMethod, String source) {
}
