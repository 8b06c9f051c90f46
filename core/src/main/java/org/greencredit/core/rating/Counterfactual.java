package org.greencredit.core.rating;

/** A change the applicant can make, and what it would achieve. */
public record Counterfactual(String feature, Double current, Double target, String zh, String en) {
}
