package org.greencredit.service.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links waiting audit entries ({@code audit_pending}) into the chain, many per short transaction: group commit. An
 * action's transaction only inserts its waiting entry, so concurrent actions no longer queue on the chain's head
 * row; the chainer locks the head once per round for all the entries committed meanwhile. The thread that committed
 * an action then waits until its entry is chained (a round takes a few milliseconds), so that when a call returns its
 * entry is in the chain, as before; if the chainer cannot keep up within {@link #WAIT}, the call returns anyway and
 * the entry, which is already stored, is chained later. Entries left waiting by a crash are chained at the next start.
 *
 * <p>Several service instances on one database each run a chainer; the head row's lock orders their rounds, and a
 * round takes only entries committed before it began, so none is chained twice.
 */
@Component
public class AuditChainer implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(AuditChainer.class);
    /** Entries per round at most: a round's transaction stays short even after a long outage. */
    static final int ROUND = 500;
    /** How long a committed action waits for its entry to be chained before its call returns anyway. */
    static final Duration WAIT = Duration.ofSeconds(10);
    /** How often the chainer looks for entries nobody told it about (another instance's, or left by a crash). */
    private static final long IDLE_POLL_MILLIS = 1_000;

    /** The service's pool: for entries written in an action's transaction, and for chaining at start-up. */
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    /**
     * Connections of the chainer's own, outside the service's pool: the threads waiting for their entries to be chained
     * still hold their pool connections (Spring releases them after the commit callbacks), and with as many waiting as
     * there are pool connections, rounds on the pool would wait for them and they for the rounds.
     */
    private final HikariDataSource own;
    private final JdbcClient ownJdbc;
    private final JdbcTemplate ownBatch;
    private final TransactionTemplate transaction;
    private final AuditKeys keys;
    /** Callers on this instance waiting for their entries to be chained, by pending id, from their transaction on. */
    private final Map<Long, Waiter> waiting = new ConcurrentHashMap<>();
    private final Semaphore work = new Semaphore(0);
    private volatile Thread thread;
    private volatile boolean running;

    public AuditChainer(JdbcClient jdbc, JdbcTemplate batch, DataSourceProperties database, AuditKeys keys) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.own = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        own.setPoolName("greencredit-audit-chainer");
        // The chainer's thread, and a caller that chains what waits before verifying (one round at a time).
        own.setMaximumPoolSize(2);
        own.setMinimumIdle(1);
        this.ownJdbc = JdbcClient.create(own);
        this.ownBatch = new JdbcTemplate(own);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(own));
        this.keys = keys;
    }

    /** An entry waiting to be chained, as its action wrote it. */
    record Pending(long id, Instant at, String actor, String action, String subjectType, String subjectId, String inputHash,
                   String outputHash, String versions, String details) {
    }

    /** The chain's head: the latest entry's number and hash. */
    record Head(long seq, String hash) {
    }

    /**
     * Writes an entry to be chained, in the caller's transaction; once that commits, the calling thread waits until the
     * entry is chained. A rolled-back transaction leaves no entry.
     */
    void enqueue(Instant at, String actor, String action, String subjectType, String subjectId, String inputHash, String outputHash,
                 String versions, String details) {
        GeneratedKeyHolder generated = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into audit_pending (at, actor, action, subject_type, subject_id, input_hash, output_hash, versions, details)
                values (:at, :actor, :action, :subjectType, :subjectId, :inputHash, :outputHash, :versions, :details)
                """)
                .param("at", Timestamp.from(at)).param("actor", actor).param("action", action).param("subjectType", subjectType)
                .param("subjectId", subjectId).param("inputHash", inputHash).param("outputHash", outputHash).param("versions", versions)
                .param("details", details).update(generated, "id");
        long id = generated.getKeyAs(Number.class).longValue();
        Waiter waiter = new Waiter();
        waiting.put(id, waiter);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                waiter.committed = true;
                work.release();
                awaitChained(id, waiter.chained);
            }

            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    waiting.remove(id);
                }
            }
        });
    }

    /**
     * A caller waiting for its entry. Registered before its transaction commits, so that the round that chains the entry
     * always finds it; marked committed only after, because until then the entry is invisible to other connections and
     * must not be taken for one chained elsewhere.
     */
    private static final class Waiter {
        final CompletableFuture<Void> chained = new CompletableFuture<>();
        volatile boolean committed;
    }

    private void awaitChained(long id, CompletableFuture<Void> chained) {
        try {
            if (!running) {
                // Before the chainer starts (entries written during start-up) or after it stopped: chain here.
                drainAfterCommit();
            }
            chained.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("audit entry {} is stored but not chained after {}; it will be chained when the chainer catches up", id, WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("audit entry {} is stored but chaining it failed: {}", id, e.getCause().toString());
        } finally {
            waiting.remove(id);
        }
    }

    /** The action committed already: a failure to chain now must not make its call fail; the entry waits for the next round. */
    private void drainAfterCommit() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warn("could not chain waiting audit entries now, they stay waiting: {}", e.toString());
        }
    }

    /**
     * Chains every entry waiting now, on the calling thread: what verify and checkpoints do first, so that they see every
     * committed action. Returns how many entries were chained.
     */
    public long drain() {
        long total = 0;
        int chained;
        do {
            chained = round();
            total += chained;
        } while (chained == ROUND);
        return total;
    }

    /** One round: the oldest waiting entries, up to {@link #ROUND}, linked into the chain in one transaction. */
    synchronized int round() {
        List<Long> ids = transaction.execute(tx -> {
            Head head = head(ownJdbc, " for update");
            List<Pending> pending = ownJdbc.sql("""
                    select id, at, actor, action, subject_type, subject_id, input_hash, output_hash, versions, details
                    from audit_pending order by id limit :limit
                    """).param("limit", ROUND)
                    .query((rs, n) -> new Pending(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10))).list();
            if (pending.isEmpty()) {
                return List.<Long>of();
            }
            AuditKey key = keys.current();
            List<Object[]> rows = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                AuditEntry entry = link(head, key, p.at(), p.actor(), p.action(), p.subjectType(), p.subjectId(), p.inputHash(),
                        p.outputHash(), p.versions(), p.details());
                rows.add(row(entry));
                head = new Head(entry.seq(), entry.hash());
            }
            ownBatch.batchUpdate(INSERT_ENTRY, rows);
            ownBatch.batchUpdate("delete from audit_pending where id = ?", pending.stream().map(p -> new Object[] {p.id()}).toList());
            updateHead(ownJdbc, head);
            return pending.stream().map(Pending::id).toList();
        });
        for (Long id : ids) {
            Waiter waiter = waiting.get(id);
            if (waiter != null) {
                waiter.chained.complete(null);
            }
        }
        return ids.size();
    }

    /**
     * Links one entry into the chain at once, in the caller's transaction (which then holds the head row until it ends):
     * for the start-up entries that must come before anything chained with a new key.
     */
    AuditEntry chainNow(Instant at, String actor, String action, String subjectType, String subjectId, String inputHash, String outputHash,
                        String versions, String details) {
        Head head = head(jdbc, " for update");
        AuditEntry entry = link(head, keys.current(), at, actor, action, subjectType, subjectId, inputHash, outputHash, versions, details);
        batch.update(INSERT_ENTRY, row(entry));
        updateHead(jdbc, new Head(entry.seq(), entry.hash()));
        return entry;
    }

    private static final String INSERT_ENTRY = """
            insert into audit_entry (seq, at, actor, action, subject_type, subject_id, input_hash, versions, details, prev_hash, hash,
                                     format, output_hash, key_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static Object[] row(AuditEntry e) {
        return new Object[] {e.seq(), Timestamp.from(e.at()), e.actor(), e.action(), e.subjectType(), e.subjectId(), e.inputHash(),
            e.versions(), e.details(), e.prevHash(), e.hash(), e.format(), e.outputHash(), e.keyId()};
    }

    private static AuditEntry link(Head head, AuditKey key, Instant at, String actor, String action, String subjectType, String subjectId,
                                   String inputHash, String outputHash, String versions, String details) {
        long seq = head.seq() + 1;
        String hash = key.hmac(AuditEntry.keyedCanonical(seq, at, actor, action, subjectType, subjectId, inputHash, outputHash, versions,
                details, head.hash(), key.id()));
        return new AuditEntry(seq, at, actor, action, subjectType, subjectId, inputHash, versions, details, head.hash(), hash,
                AuditEntry.KEYED, outputHash, key.id());
    }

    /** The head as the caller's transaction sees it. */
    Head head() {
        return head(jdbc, "");
    }

    private static Head head(JdbcClient on, String lock) {
        return on.sql("select last_seq, last_hash from audit_head where id = 1" + lock)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    private static void updateHead(JdbcClient on, Head head) {
        on.sql("update audit_head set last_seq = :seq, last_hash = :hash where id = 1").param("seq", head.seq())
                .param("hash", head.hash()).update();
    }

    private void loop() {
        while (running) {
            try {
                work.tryAcquire(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                // Every signal so far is answered by the round that follows.
                work.drainPermits();
                if (drain() == 0) {
                    releaseChainedElsewhere();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("chaining audit entries failed, retrying: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    /** Callers whose committed entries another instance's chainer took: their entries are no longer waiting. */
    void releaseChainedElsewhere() {
        List<Long> ids = waiting.entrySet().stream().filter(e -> e.getValue().committed).map(Map.Entry::getKey).toList();
        if (ids.isEmpty()) {
            return;
        }
        Set<Long> stillWaiting = new HashSet<>(ownJdbc.sql("select id from audit_pending where id in (:ids)").param("ids", ids)
                .query(Long.class).list());
        for (Long id : ids) {
            Waiter waiter = waiting.get(id);
            if (waiter != null && !stillWaiting.contains(id)) {
                waiter.chained.complete(null);
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(IDLE_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        Thread t = new Thread(this::loop, "greencredit-audit-chainer");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Starts before the web server and stops after it, so that the entries of the last calls are chained before it stops. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public void stop() {
        running = false;
        work.release();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @PreDestroy
    void close() {
        own.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
