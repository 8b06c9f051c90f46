package org.greencredit.service.support;

/** An administrator's note on approving or rejecting a proposed model or ruleset change; optional. */
public record DecisionNote(String note) {
}
