package org.greencredit.service.review;

/**
 * What an officer asks to change, and why. Any of outcome, limit and rate discount may be given;
 * the reason is mandatory.
 */
public record OverrideRequest(String outcome, Double limitCny, Integer rateDiscountBp, String reason) {
}
