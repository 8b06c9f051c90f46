package org.greencredit.service.audit;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param inputHash SHA-256 of the input the action worked on (the rating request), or null
 * @param versions  the engine, ruleset, model and factor versions in force, or null
 * @param prevHash  the hash of the entry before (64 zeros for the first)
 * @param hash      SHA-256 over this entry's fields and {@code prevHash}
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String subjectType, String subjectId,
                         String inputHash, String versions, String details, String prevHash, String hash) {

    /** What the hash covers, one field per line, in a fixed order; null fields are empty. */
    static String canonical(long seq, Instant at, String actor, String action, String subjectType, String subjectId,
                            String inputHash, String versions, String details, String prevHash) {
        return String.join("\n", Long.toString(seq), at.toString(), actor, action, subjectType, subjectId,
                nullToEmpty(inputHash), nullToEmpty(versions), nullToEmpty(details), prevHash);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
