package org.greencredit.service.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.greencredit.service.support.DeflatedText;
import org.greencredit.service.support.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only, hash-chained audit log. An entry is written in the transaction of the action it
 * records, so a rolled-back action leaves no entry, and linked into the one chain right after that
 * commits, with the entries of other concurrent actions, by the {@link AuditChainer}; a rating made outside
 * any transaction is stored by the chainer itself, with its entry, in one commit for many ({@link #store}).
 * Actions do not wait for each other on the chain's head row (entries of several service instances still form one chain).
 * Each hash is an HMAC with an audit key, which is not in the database, so an edit cannot be
 * covered by recomputing the chain (see {@link AuditKeys}; a rotation of the key is an entry of its own); a rating's entry holds the hashes of the stored request and of the
 * stored rating, so {@link #verify} also finds a rating altered in its table. A {@link Checkpoint}
 * kept elsewhere finds a chain cut short. Nothing here updates or deletes an entry.
 */
@Service
public class AuditLog {
    static final String GENESIS = "0".repeat(64);
    static final String KEY_ROTATED = "AUDIT_KEY_ROTATED";

    static final int VERIFY_PAGE = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditKeys keys;
    private final AuditChainer chainer;

    public AuditLog(JdbcClient jdbc, Clock clock, AuditKeys keys, AuditChainer chainer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keys = keys;
        this.chainer = chainer;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String actor, String action, String subjectType, String subjectId, String inputHash, String versions,
                       String details) {
        append(actor, action, subjectType, subjectId, inputHash, null, versions, details);
    }

    /**
     * Records an action in its transaction; the entry is linked into the chain once that commits, before the
     * committing thread goes on (see {@link AuditChainer}).
     *
     * @param outputHash SHA-256 of what the action stored (the rating as it is served), which verify rechecks
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String actor, String action, String subjectType, String subjectId, String inputHash, String outputHash,
                       String versions, String details) {
        chainer.enqueue(new AuditChainer.Unchained(now(), actor, action, subjectType, subjectId, inputHash, outputHash, versions, details));
    }

    /**
     * Stores an action's rows and records it, both or neither. Inside a transaction (an appeal's correction) the rows are
     * written in it and the entry is chained once it commits, as {@link #append} does. Outside one (every rating
     * otherwise), the rows and the chained entry are committed by the chainer's next round together with other concurrent
     * actions': one commit for many ratings, and none stored outside the chain. Returns once stored and chained.
     */
    public void store(AuditedWrite write, String actor, String action, String subjectType, String subjectId, String inputHash,
                      String outputHash, String versions, String details) {
        AuditChainer.Unchained entry = new AuditChainer.Unchained(now(), actor, action, subjectType, subjectId, inputHash, outputHash,
                versions, details);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            write.writeTo(jdbc);
            chainer.enqueue(entry);
        } else {
            chainer.writeAndChain(write, entry);
        }
    }

    /** Stored and hashed to the millisecond, which every supported database keeps exactly. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The head of the chain now, signed with the audit key: kept outside the service (by an auditor, in
     * another system), it later shows whether the log still holds that entry with that hash.
     */
    public record Checkpoint(long seq, String hash, String keyId, String signature) {
    }

    /** Chains what is waiting first, so that the checkpoint covers every action committed before the call. */
    @Transactional(readOnly = true)
    public Checkpoint checkpoint() {
        chainer.drain();
        AuditChainer.Head head = chainer.head();
        AuditKey key = keys.current();
        return new Checkpoint(head.seq(), head.hash(), key.id(), key.hmac(checkpointText(head.seq(), head.hash())));
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
     * entry with its hash (a chain cut short and rebuilt from there would not). The checkpoint may have
     * been signed with a key used before a rotation; without its key id every known key is tried.
     */
    @Transactional(readOnly = true)
    public Verification verify(Checkpoint checkpoint) {
        chainer.drain();
        if (checkpoint != null && !signedWithAKnownKey(checkpoint)) {
            return new Verification(false, 0, checkpoint.seq(), checkpoint.keyId() != null && keys.find(checkpoint.keyId()).isEmpty()
                    ? "the checkpoint was signed with audit key " + checkpoint.keyId() + ", which this service does not know"
                    : "the checkpoint's signature does not match: it was not made with an audit key of this service");
        }
        String previous = GENESIS;
        long expectedSeq = 1;
        long count = 0;
        boolean checkpointSeen = checkpoint == null || checkpoint.seq() == 0;
        String chainKeyId = null;
        List<AuditEntry> page;
        long after = 0;
        // Page by page, so that verifying a long log needs no more memory than a short one.
        while (!(page = entries(after, VERIFY_PAGE)).isEmpty()) {
            after = page.get(page.size() - 1).seq();
            Map<String, StoredRating> stored = storedRatings(page);
            for (AuditEntry e : page) {
                count++;
                String problem = e.format() == AuditEntry.PLAIN && chainKeyId != null
                        ? "a plain-hash entry after the keyed chain began: it was re-hashed without the key"
                        : problem(e, expectedSeq, previous, chainKeyId, stored);
                if (problem != null) {
                    return new Verification(false, count, e.seq(), problem);
                }
                if (checkpoint != null && e.seq() == checkpoint.seq()) {
                    if (!e.hash().equals(checkpoint.hash())) {
                        return new Verification(false, count, e.seq(), "the entry differs from the checkpoint's: the chain was rewritten from here");
                    }
                    checkpointSeen = true;
                }
                if (e.format() == AuditEntry.KEYED) {
                    chainKeyId = e.keyId();
                }
                previous = e.hash();
                expectedSeq++;
            }
        }
        if (count > 0 && chainKeyId == null) {
            return new Verification(false, count, 1L, "no entry carries the audit key: the chain was re-hashed without it");
        }
        if (!checkpointSeen) {
            return new Verification(false, count, checkpoint.seq(), "the log ends before the checkpoint's entry: its tail was cut");
        }
        if (!chainer.head().hash().equals(previous)) {
            return new Verification(false, count, expectedSeq, "the latest entries were removed: the head records a later hash");
        }
        String unrecorded = ratingOutsideTheChain();
        if (unrecorded != null) {
            return new Verification(false, count, null, "the rating " + unrecorded + " is in the database but not in the audit chain");
        }
        return new Verification(true, count, null, null);
    }

    private boolean signedWithAKnownKey(Checkpoint checkpoint) {
        String text = checkpointText(checkpoint.seq(), checkpoint.hash());
        if (checkpoint.keyId() != null) {
            return keys.find(checkpoint.keyId()).map(k -> k.hmac(text).equals(checkpoint.signature())).orElse(false);
        }
        for (AuditKey k : keys.all()) {
            if (k.hmac(text).equals(checkpoint.signature())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why an entry does not fit, or null when it does.
     *
     * @param chainKeyId the key of the latest keyed entry before this one: the key may change only with a rotation entry
     */
    private String problem(AuditEntry e, long expectedSeq, String previous, String chainKeyId, Map<String, StoredRating> stored) {
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
        AuditKey key = keys.find(e.keyId()).orElse(null);
        if (key == null) {
            return "it was hashed with audit key " + e.keyId() + ", which this service does not know"
                    + " (keys used before a rotation belong in greencredit.audit.previous-key-files)";
        }
        if (!key.hmac(e.keyedCanonical()).equals(e.hash())) {
            return "its content does not match its keyed hash: the entry was altered, or re-hashed without the key";
        }
        if (chainKeyId != null && !chainKeyId.equals(e.keyId())
                && !(KEY_ROTATED.equals(e.action()) && rotationDetails(chainKeyId).equals(e.details()))) {
            return "the audit key changed from " + chainKeyId + " to " + e.keyId() + " without an " + KEY_ROTATED + " entry";
        }
        if (e.outputHash() != null) {
            StoredRating r = stored.get(e.subjectId());
            if (r == null) {
                return "the rating " + e.subjectId() + " it records is no longer in the database";
            }
            if (r.damage() != null) {
                return "the stored rating " + e.subjectId() + " cannot be read back (" + r.damage() + "): it was altered or damaged";
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

    /**
     * A rating that no entry records and none waits to, or null. Ratings older than the first entry were made before the
     * audit log existed and are not asked for.
     */
    private String ratingOutsideTheChain() {
        return jdbc.sql("""
                select r.id from rating r
                where r.rated_at >= (select min(at) from audit_entry)
                  and not exists (select 1 from audit_entry a where a.subject_id = r.id and a.action = 'RATING_CREATED')
                  and not exists (select 1 from audit_pending p where p.subject_id = r.id)
                order by r.rated_at, r.id limit 1
                """).query(String.class).optional().orElse(null);
    }

    /** A stored request and rating as text, or what makes them unreadable. */
    private record StoredRating(String requestJson, String ratingJson, String damage) {
        static StoredRating read(byte[] request, byte[] rating) {
            try {
                return new StoredRating(DeflatedText.inflate(request), DeflatedText.inflate(rating), null);
            } catch (IllegalStateException e) {
                return new StoredRating(null, null, e.getMessage());
            }
        }
    }

    /** The stored request and rating of every rating a page of entries records. */
    private Map<String, StoredRating> storedRatings(List<AuditEntry> page) {
        List<String> ids = page.stream().filter(e -> e.outputHash() != null).map(AuditEntry::subjectId).toList();
        Map<String, StoredRating> stored = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1_000) {
            jdbc.sql("select id, request_deflated, rating_deflated from rating where id in (:ids)").param("ids", ids.subList(from,
                    Math.min(ids.size(), from + 1_000))).query((rs, n) -> stored.put(rs.getString(1),
                    StoredRating.read(rs.getBytes(2), rs.getBytes(3)))).list();
        }
        return stored;
    }

    /**
     * Binds the chain to the current key, at start-up. Entries written before the keyed chain (plain
     * SHA-256) are bound by an AUDIT_KEYED entry whose hash covers the last plain one's, so that the plain
     * prefix can no longer be rewritten unseen. When the latest keyed entry was made with a previous key,
     * an AUDIT_KEY_ROTATED entry names both keys: from there on only the new key is accepted.
     *
     * @throws IllegalStateException when the latest entries were made with a key this service does not
     *                               know: every later entry would break the chain, so the service does not start
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void bindToCurrentKey(String actor) {
        String current = keys.current().id();
        String latest = jdbc.sql("select key_id from audit_entry where format = " + AuditEntry.KEYED + " order by seq desc limit 1")
                .query(String.class).optional().orElse(null);
        if (latest == null) {
            long plain = jdbc.sql("select count(*) from audit_entry where format = " + AuditEntry.PLAIN).query(Long.class).single();
            if (plain > 0) {
                chainer.chainNow(new AuditChainer.Unchained(now(), actor, "AUDIT_KEYED", "audit", "chain", null, null, null,
                        plain + " entries before the keyed chain are bound by this one"));
            }
        } else if (!latest.equals(current)) {
            if (keys.find(latest).isEmpty()) {
                throw new IllegalStateException("the audit log's latest entries were made with audit key " + latest + ", not with the key"
                        + " in use (" + current + "): give the earlier key in greencredit.audit.previous-key-files (or"
                        + " previous-keys) to rotate, or restore it as the current key");
            }
            // Chained at once, ahead of entries still waiting from before the restart, which the new key hashes.
            chainer.chainNow(new AuditChainer.Unchained(now(), actor, KEY_ROTATED, "audit-key", current, null, null, null,
                    rotationDetails(latest)));
        }
    }

    private static String rotationDetails(String previousKeyId) {
        return "entries from here on are hashed with this key instead of " + previousKeyId;
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
