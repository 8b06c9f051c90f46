package org.greencredit.core.rating;

/** The exact versions behind a rating, so that it can be reproduced and audited. */
public record Versions(String engine, String ruleset, String models, String factors) {
}
