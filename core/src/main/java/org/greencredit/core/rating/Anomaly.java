package org.greencredit.core.rating;

/** A sign that carbon data may be distorted (碳数据失真), with a reason the SME can read. */
public record Anomaly(String code, String zh, String en, String evidence) {
}
