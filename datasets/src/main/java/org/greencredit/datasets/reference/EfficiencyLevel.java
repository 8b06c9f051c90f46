package org.greencredit.datasets.reference;

/** A carbon-efficiency level: firms whose K is at most {@code kMax} (null: no bound) get this level. */
public record EfficiencyLevel(int level, Double kMax, String labelZh, String labelEn, String source) {
}
