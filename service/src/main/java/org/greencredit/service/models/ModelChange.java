package org.greencredit.service.models;

import java.time.Instant;

/**
 * A proposed change of the active models, by registry directory name: PENDING until a second administrator approves
 * (APPROVED, then active) or an administrator rejects it (REJECTED; the proposer may withdraw this way).
 *
 * @param challenger null for no challenger
 */
public record ModelChange(String id, String proposedBy, Instant proposedAt, String champion, String thinFile, String challenger, String reason,
                          String status, String decidedBy, Instant decidedAt, String decisionNote) {
    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
}
