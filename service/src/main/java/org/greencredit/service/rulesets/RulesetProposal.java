package org.greencredit.service.rulesets;

/** A staging subdirectory to propose as the active ruleset, and why. */
public record RulesetProposal(String directory, String reason) {
}
