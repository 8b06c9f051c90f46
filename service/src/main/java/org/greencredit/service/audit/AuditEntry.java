package org.greencredit.service.audit;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param inputHash  SHA-256 of the input the action worked on (the stored rating request), or null
 * @param versions   the engine, ruleset, model and factor versions in force, or null
 * @param prevHash   the hash of the entry before (64 zeros for the first)
 * @param hash       format 1: SHA-256 over the fields; format 2: HMAC-SHA256 with the audit key over them
 * @param format     1 for entries written before the keyed chain, 2 since
 * @param outputHash SHA-256 of what the action stored (the rating as served), or null
 * @param keyId      the id of the audit key that made a format-2 hash, or null
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String subjectType, String subjectId,
                         String inputHash, String versions, String details, String prevHash, String hash, int format,
                         String outputHash, String keyId) {
    static final int PLAIN = 1;
    static final int KEYED = 2;

    /** Format 1: one field per line, in a fixed order; null fields are empty. */
    static String canonical(long seq, Instant at, String actor, String action, String subjectType, String subjectId,
                            String inputHash, String versions, String details, String prevHash) {
        return String.join("\n", Long.toString(seq), at.toString(), actor, action, subjectType, subjectId,
                nullToEmpty(inputHash), nullToEmpty(versions), nullToEmpty(details), prevHash);
    }

    /**
     * Format 2: every field with its length before it ({@code -1:} for null), so that no text can move
     * from one field into the next without changing what is hashed.
     */
    static String keyedCanonical(long seq, Instant at, String actor, String action, String subjectType, String subjectId,
                                 String inputHash, String outputHash, String versions, String details, String prevHash, String keyId) {
        StringBuilder out = new StringBuilder("greencredit-audit-2");
        for (String field : new String[] {Long.toString(seq), at.toString(), actor, action, subjectType, subjectId, inputHash, outputHash,
            versions, details, prevHash, keyId}) {
            out.append('\n');
            if (field == null) {
                out.append("-1:");
            } else {
                out.append(field.length()).append(':').append(field);
            }
        }
        return out.toString();
    }

    String keyedCanonical() {
        return keyedCanonical(seq, at, actor, action, subjectType, subjectId, inputHash, outputHash, versions, details, prevHash, keyId);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
