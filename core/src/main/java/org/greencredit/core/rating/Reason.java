package org.greencredit.core.rating;

/** A principal reason, ranked by impact (larger is more important). */
public record Reason(String code, String zh, String en, double impact) {
}
