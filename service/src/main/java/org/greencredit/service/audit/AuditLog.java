package org.greencredit.service.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.greencredit.service.support.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained audit log. Appending locks the chain's head row, so entries from
 * concurrent requests (or several service instances on one database) still form one chain; an
 * entry joins the transaction of the action it records, so a rolled-back action leaves no entry.
 * Each hash is an HMAC with the {@link AuditKey}, which is not in the database, so an edit cannot be
 * covered by recomputing the chain; a rating's entry holds the hashes of the stored request and of the
 * stored rating, so {@link #verify} also finds a rating altered in its table. A {@link Checkpoint}
 * kept elsewhere finds a chain cut short. Nothing here updates or deletes an entry.
 */
@Service
public class AuditLog {
    static final String GENESIS = "0".repeat(64);

    /** The chain's head row: the latest entry's number and hash. */
    private record Head(long seq, String hash) {
    }
    static final int VERIFY_PAGE = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditKey key;

    public AuditLog(JdbcClient jdbc, Clock clock, AuditKey key) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.key = key;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry append(String actor, String action, String subjectType, String subjectId, String inputHash, String versions,
                             String details) {
        return append(actor, action, subjectType, subjectId, inputHash, null, versions, details);
    }

    /** @param outputHash SHA-256 of what the action stored (the rating as it is served), which verify rechecks */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry append(String actor, String action, String subjectType, String subjectId, String inputHash, String outputHash,
                             String versions, String details) {
        Head head = head(" for update");
        long seq = head.seq() + 1;
        // Stored and hashed to the millisecond, which every supported database keeps exactly.
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String hash = key.hmac(AuditEntry.keyedCanonical(seq, at, actor, action, subjectType, subjectId, inputHash, outputHash, versions,
                details, head.hash(), key.id()));
        jdbc.sql("""
                insert into audit_entry (seq, at, actor, action, subject_type, subject_id, input_hash, versions, details, prev_hash, hash,
                                         format, output_hash, key_id)
                values (:seq, :at, :actor, :action, :subjectType, :subjectId, :inputHash, :versions, :details, :prev, :hash,
                        :format, :outputHash, :keyId)
                """)
                .param("seq", seq).param("at", Timestamp.from(at)).param("actor", actor).param("action", action)
                .param("subjectType", subjectType).param("subjectId", subjectId).param("inputHash", inputHash)
                .param("versions", versions).param("details", details).param("prev", head.hash()).param("hash", hash)
                .param("format", AuditEntry.KEYED).param("outputHash", outputHash).param("keyId", key.id()).update();
        jdbc.sql("update audit_head set last_seq = :seq, last_hash = :hash where id = 1").param("seq", seq).param("hash", hash).update();
        return new AuditEntry(seq, at, actor, action, subjectType, subjectId, inputHash, versions, details, head.hash(), hash,
                AuditEntry.KEYED, outputHash, key.id());
    }

    /**
     * The head of the chain now, signed with the audit key: kept outside the service (by an auditor, in
     * another system), it later shows whether the log still holds that entry with that hash.
     */
    public record Checkpoint(long seq, String hash, String keyId, String signature) {
    }

    @Transactional(readOnly = true)
    public Checkpoint checkpoint() {
        Head head = head("");
        return new Checkpoint(head.seq(), head.hash(), key.id(), key.hmac(checkpointText(head.seq(), head.hash())));
    }

    /** @param lock {@code " for update"} when appending, so that entries form one chain */
    private Head head(String lock) {
        return jdbc.sql("select last_seq, last_hash from audit_head where id = 1" + lock).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
    }

    private static String checkpointText(long seq, String hash) {
        return "greencredit-audit-checkpoint\n" + seq + "\n" + hash;
    }

    /** The result of checking the chain: intact, or the first entry that does not fit and why. */
    public record Verification(boolean intact, long entries, Long firstBadSeq, String problem) {
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        return verify(null);
    }

    /**
     * Recomputes every hash, page by page, and rechecks each rating's stored request and rating against
     * the hashes its entry recorded; with a checkpoint, also that the log still holds the checkpoint's
     * entry with its hash (a chain cut short and rebuilt from there would not).
     */
    @Transactional(readOnly = true)
    public Verification verify(Checkpoint checkpoint) {
        if (checkpoint != null && !key.hmac(checkpointText(checkpoint.seq(), checkpoint.hash())).equals(checkpoint.signature())) {
            return new Verification(false, 0, checkpoint.seq(), "the checkpoint's signature does not match: it was not made with this key");
        }
        String previous = GENESIS;
        long expectedSeq = 1;
        long count = 0;
        boolean checkpointSeen = checkpoint == null || checkpoint.seq() == 0;
        boolean keyedSeen = false;
        List<AuditEntry> page;
        long after = 0;
        // Page by page, so that verifying a long log needs no more memory than a short one.
        while (!(page = entries(after, VERIFY_PAGE)).isEmpty()) {
            after = page.get(page.size() - 1).seq();
            Map<String, StoredRating> stored = storedRatings(page);
            for (AuditEntry e : page) {
                count++;
                String problem = e.format() == AuditEntry.PLAIN && keyedSeen
                        ? "a plain-hash entry after the keyed chain began: it was re-hashed without the key"
                        : problem(e, expectedSeq, previous, stored);
                if (problem != null) {
                    return new Verification(false, count, e.seq(), problem);
                }
                if (checkpoint != null && e.seq() == checkpoint.seq()) {
                    if (!e.hash().equals(checkpoint.hash())) {
                        return new Verification(false, count, e.seq(), "the entry differs from the checkpoint's: the chain was rewritten from here");
                    }
                    checkpointSeen = true;
                }
                keyedSeen |= e.format() == AuditEntry.KEYED;
                previous = e.hash();
                expectedSeq++;
            }
        }
        if (count > 0 && !keyedSeen) {
            return new Verification(false, count, 1L, "no entry carries the audit key: the chain was re-hashed without it");
        }
        if (!checkpointSeen) {
            return new Verification(false, count, checkpoint.seq(), "the log ends before the checkpoint's entry: its tail was cut");
        }
        if (!head("").hash().equals(previous)) {
            return new Verification(false, count, expectedSeq, "the latest entries were removed: the head records a later hash");
        }
        return new Verification(true, count, null, null);
    }

    /** Why an entry does not fit, or null when it does. */
    private String problem(AuditEntry e, long expectedSeq, String previous, Map<String, StoredRating> stored) {
        if (e.seq() != expectedSeq) {
            return "entry " + expectedSeq + " is missing";
        }
        if (!e.prevHash().equals(previous)) {
            return "its previous hash does not match the entry before it";
        }
        if (e.format() == AuditEntry.PLAIN) {
            String recomputed = Sha256.hex(AuditEntry.canonical(e.seq(), e.at(), e.actor(), e.action(), e.subjectType(), e.subjectId(),
                    e.inputHash(), e.versions(), e.details(), e.prevHash()));
            return recomputed.equals(e.hash()) ? null : "its content does not match its hash: the entry was altered";
        }
        if (!key.id().equals(e.keyId())) {
            return "it was hashed with audit key " + e.keyId() + ", not the key in use (" + key.id() + ")";
        }
        if (!key.hmac(e.keyedCanonical()).equals(e.hash())) {
            return "its content does not match its keyed hash: the entry was altered, or re-hashed without the key";
        }
        if (e.outputHash() != null) {
            StoredRating r = stored.get(e.subjectId());
            if (r == null) {
                return "the rating " + e.subjectId() + " it records is no longer in the database";
            }
            if (!Sha256.hex(r.requestJson()).equals(e.inputHash())) {
                return "the stored request of rating " + e.subjectId() + " was altered after it was rated";
            }
            if (!Sha256.hex(r.ratingJson()).equals(e.outputHash())) {
                return "the stored rating " + e.subjectId() + " differs from what was decided: it was altered";
            }
        }
        return null;
    }

    private record StoredRating(String requestJson, String ratingJson) {
    }

    /** The stored request and rating of every rating a page of entries records. */
    private Map<String, StoredRating> storedRatings(List<AuditEntry> page) {
        List<String> ids = page.stream().filter(e -> e.outputHash() != null).map(AuditEntry::subjectId).toList();
        Map<String, StoredRating> stored = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1_000) {
            jdbc.sql("select id, request_json, rating_json from rating where id in (:ids)").param("ids", ids.subList(from, Math.min(ids.size(),
                    from + 1_000))).query((rs, n) -> stored.put(rs.getString(1), new StoredRating(rs.getString(2), rs.getString(3)))).list();
        }
        return stored;
    }

    /**
     * Binds entries written before the keyed chain (plain SHA-256) into it: when the log has entries but
     * none keyed, a keyed AUDIT_KEYED entry is appended whose hash covers the last plain one's, so that
     * the plain prefix can no longer be rewritten unseen.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void keyLegacyChain(String actor) {
        long plain = jdbc.sql("select count(*) from audit_entry where format = " + AuditEntry.PLAIN).query(Long.class).single();
        long keyed = jdbc.sql("select count(*) from audit_entry where format = " + AuditEntry.KEYED).query(Long.class).single();
        if (plain > 0 && keyed == 0) {
            append(actor, "AUDIT_KEYED", "audit", "chain", null, null, plain + " entries before the keyed chain are bound by this one");
        }
    }

    /** The versions recorded by the latest entry of an action, or null when there is none. */
    public String lastVersionsOf(String action) {
        return jdbc.sql("select versions from audit_entry where action = :action order by seq desc limit 1").param("action", action)
                .query(String.class).optional().orElse(null);
    }

    /** Entries after {@code afterSeq}, oldest first. */
    public List<AuditEntry> entries(long afterSeq, int limit) {
        return jdbc.sql("""
                select seq, at, actor, action, subject_type, subject_id, input_hash, versions, details, prev_hash, hash,
                       format, output_hash, key_id
                from audit_entry where seq > :after order by seq limit :limit
                """).param("after", afterSeq).param("limit", limit)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getInt(12), rs.getString(13), rs.getString(14))).list();
    }
}
