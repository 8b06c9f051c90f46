package org.greencredit.service.models;

/** An administrator's approval or rejection of a proposed model change, with an optional note. */
public record ModelDecision(String note) {
}
