package org.greencredit.core.rating;

/** A rule that fired: what it is, what it did, on what evidence, and the clause it implements. */
public record RuleHit(String id, String titleZh, String titleEn, int points, String evidence, String source) {
}
