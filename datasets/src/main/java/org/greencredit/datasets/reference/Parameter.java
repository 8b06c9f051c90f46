package org.greencredit.datasets.reference;

/** A named scalar that drives a decision, with its unit and source. */
public record Parameter(String name, double value, String unit, String source) {
}
