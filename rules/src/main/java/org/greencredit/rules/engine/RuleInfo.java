package org.greencredit.rules.engine;

/** The metadata every rule must carry. */
public record RuleInfo(String name, String id, String titleZh, String titleEn, String source) {
}
