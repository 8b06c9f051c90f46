package org.greencredit.service.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.greencredit.service.support.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained audit log. Appending locks the chain's head row, so entries from
 * concurrent requests (or several service instances on one database) still form one chain; an
 * entry joins the transaction of the action it records, so a rolled-back action leaves no entry.
 * Nothing here updates or deletes an entry; {@link #verify()} recomputes every hash.
 */
@Service
public class AuditLog {
    static final String GENESIS = "0".repeat(64);
    static final int VERIFY_PAGE = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry append(String actor, String action, String subjectType, String subjectId, String inputHash, String versions,
                             String details) {
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long seq = head.seq() + 1;
        // Stored and hashed to the millisecond, which every supported database keeps exactly.
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String hash = Sha256.hex(AuditEntry.canonical(seq, at, actor, action, subjectType, subjectId, inputHash, versions, details, head.hash()));
        jdbc.sql("""
                insert into audit_entry (seq, at, actor, action, subject_type, subject_id, input_hash, versions, details, prev_hash, hash)
                values (:seq, :at, :actor, :action, :subjectType, :subjectId, :inputHash, :versions, :details, :prev, :hash)
                """)
                .param("seq", seq).param("at", Timestamp.from(at)).param("actor", actor).param("action", action)
                .param("subjectType", subjectType).param("subjectId", subjectId).param("inputHash", inputHash)
                .param("versions", versions).param("details", details).param("prev", head.hash()).param("hash", hash).update();
        jdbc.sql("update audit_head set last_seq = :seq, last_hash = :hash where id = 1").param("seq", seq).param("hash", hash).update();
        return new AuditEntry(seq, at, actor, action, subjectType, subjectId, inputHash, versions, details, head.hash(), hash);
    }

    /** The result of checking the chain: intact, or the first entry that does not fit and why. */
    public record Verification(boolean intact, long entries, Long firstBadSeq, String problem) {
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        String previous = GENESIS;
        long expectedSeq = 1;
        long count = 0;
        List<AuditEntry> page;
        long after = 0;
        // Page by page, so that verifying a long log needs no more memory than a short one.
        while (!(page = entries(after, VERIFY_PAGE)).isEmpty()) {
            after = page.get(page.size() - 1).seq();
            for (AuditEntry e : page) {
                count++;
                if (e.seq() != expectedSeq) {
                    return new Verification(false, count, e.seq(), "entry " + expectedSeq + " is missing");
                }
                if (!e.prevHash().equals(previous)) {
                    return new Verification(false, count, e.seq(), "its previous hash does not match the entry before it");
                }
                String recomputed = Sha256.hex(AuditEntry.canonical(e.seq(), e.at(), e.actor(), e.action(), e.subjectType(),
                        e.subjectId(), e.inputHash(), e.versions(), e.details(), e.prevHash()));
                if (!recomputed.equals(e.hash())) {
                    return new Verification(false, count, e.seq(), "its content does not match its hash: the entry was altered");
                }
                previous = e.hash();
                expectedSeq++;
            }
        }
        String head = jdbc.sql("select last_hash from audit_head where id = 1").query(String.class).single();
        if (!head.equals(previous)) {
            return new Verification(false, count, expectedSeq, "the latest entries were removed: the head records a later hash");
        }
        return new Verification(true, count, null, null);
    }

    /** The versions recorded by the latest entry of an action, or null when there is none. */
    public String lastVersionsOf(String action) {
        return jdbc.sql("select versions from audit_entry where action = :action order by seq desc limit 1").param("action", action)
                .query(String.class).optional().orElse(null);
    }

    /** Entries after {@code afterSeq}, oldest first. */
    public List<AuditEntry> entries(long afterSeq, int limit) {
        return jdbc.sql("""
                select seq, at, actor, action, subject_type, subject_id, input_hash, versions, details, prev_hash, hash
                from audit_entry where seq > :after order by seq limit :limit
                """).param("after", afterSeq).param("limit", limit)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11))).list();
    }
}
