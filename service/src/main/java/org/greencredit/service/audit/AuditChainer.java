package org.greencredit.service.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import org.greencredit.service.web.ApiProblem;
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
 * Links audit entries into the chain, many per short transaction: group commit. Two kinds of action are chained:
 * <ul>
 * <li>An action that needs its own transaction (an appeal, an override) writes its entry to {@code audit_pending} in
 * it; once that commits, the calling thread waits until a round has chained the entry (a few milliseconds). If the
 * chainer cannot keep up within {@link #WAIT}, the call returns anyway and the entry, which is already stored, is
 * chained later; entries left waiting by a crash are chained at the next start.</li>
 * <li>An action outside any transaction (a rating) hands its rows and its entry to the next round, which writes the
 * rows and links the entry in the round's one transaction, with every other action queued meanwhile: many ratings
 * cost one commit, and a crash can leave none stored without its entry, since both are in one commit. The caller
 * waits until the round has committed; a round not started within {@link #WAIT} gives its action back unwritten.</li>
 * </ul>
 * Rounds run on the chainer's thread, or on a caller's before the chainer starts and after it stops. A round's commit is
 * on the disk before any of its callers is answered ({@link DurabilityBarrier}); on an embedded H2 file the chainer also
 * compacts the file between rounds ({@link H2FileCompaction}).
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
    private final DurabilityBarrier durability;
    private final H2FileCompaction compaction;
    /** Callers on this instance waiting for their entries to be chained, by pending id, from their transaction on. */
    private final Map<Long, Waiter> waiting = new ConcurrentHashMap<>();
    /** Actions whose rows and entry the next round writes, in the order they came. */
    private final ConcurrentLinkedQueue<Queued> queued = new ConcurrentLinkedQueue<>();
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
        this.durability = DurabilityBarrier.forUrl(database.determineUrl(), ownBatch);
        this.compaction = H2FileCompaction.forUrl(database.determineUrl(), ownBatch);
    }

    /** What an entry records about its action, before it is linked into the chain. */
    record Unchained(Instant at, String actor, String action, String subjectType, String subjectId, String inputHash, String outputHash,
                     String versions, String details) {
    }

    /** An entry waiting in {@code audit_pending}, as its action wrote it. */
    private record Pending(long id, Unchained entry) {
    }

    /** An action queued for a round: its rows, its entry, and the caller waiting for both to be committed. */
    private static final class Queued {
        final AuditedWrite write;
        final Unchained entry;
        final CompletableFuture<Void> committed = new CompletableFuture<>();
        /** Set by the round that takes the action, or by its caller giving up before any round did: whoever sets it decides. */
        final AtomicBoolean claimed = new AtomicBoolean();

        Queued(AuditedWrite write, Unchained entry) {
            this.write = write;
            this.entry = entry;
        }
    }

    /** The chain's head: the latest entry's number and hash. */
    record Head(long seq, String hash) {
    }

    /**
     * Writes an entry to be chained, in the caller's transaction; once that commits, the calling thread waits until the
     * entry is chained. A rolled-back transaction leaves no entry.
     */
    void enqueue(Unchained entry) {
        GeneratedKeyHolder generated = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into audit_pending (at, actor, action, subject_type, subject_id, input_hash, output_hash, versions, details)
                values (:at, :actor, :action, :subjectType, :subjectId, :inputHash, :outputHash, :versions, :details)
                """)
                .param("at", Timestamp.from(entry.at())).param("actor", entry.actor()).param("action", entry.action())
                .param("subjectType", entry.subjectType()).param("subjectId", entry.subjectId()).param("inputHash", entry.inputHash())
                .param("outputHash", entry.outputHash()).param("versions", entry.versions()).param("details", entry.details())
                .update(generated, "id");
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
                drainQuietly();
            }
            chained.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("audit entry {} is stored but not chained after {}; it will be chained when the chainer catches up", id, WAIT);
            // The call is answered without its round: what it committed must survive a killed process all the same.
            RuntimeException unwritten = persistCommitted();
            if (unwritten != null) {
                throw unwritten;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("audit entry {} is stored but chaining it failed: {}", id, e.getCause().toString());
        } finally {
            waiting.remove(id);
        }
    }

    /**
     * Writes an action's rows and links its entry into the chain in the next round, with the other actions queued
     * meanwhile; returns once that round has committed. Throws what writing the rows failed with (a key that is taken),
     * and, when no round took the action within {@link #WAIT}, a 503 saying that nothing was stored.
     */
    void writeAndChain(AuditedWrite write, Unchained entry) {
        Queued action = new Queued(write, entry);
        queued.add(action);
        if (running) {
            work.release();
        } else {
            // Before the chainer starts (demo data written during start-up) or after it stopped: a round here takes it.
            drainQuietly();
        }
        try {
            action.committed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (action.claimed.compareAndSet(false, true)) {
                queued.remove(action);
                throw ApiProblem.unavailable("nothing was stored: the audit chain did not take the " + entry.action() + " within "
                        + WAIT.toSeconds() + " s; send the request again");
            }
            // A round has the action: its outcome is decided, and comes within the database's own time-outs.
            try {
                action.committed.join();
            } catch (CompletionException failed) {
                throw rethrown(failed.getCause());
            }
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    /**
     * A caller's own round. A failure must not make the call fail: an action that committed already has its entry waiting for
     * the next round, and a queued action's outcome comes through the action itself.
     */
    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warn("could not chain waiting audit entries now, they stay waiting: {}", e.toString());
        }
    }

    /**
     * Chains every entry waiting now and writes every queued action, on the calling thread: what verify and checkpoints
     * do first, so that they see every committed action. Returns how many entries were chained.
     */
    public long drain() {
        long total = 0;
        Round round;
        do {
            round = round();
            total += round.pending() + round.queued();
        } while (round.pending() == ROUND || round.queued() == ROUND);
        return total;
    }

    /** How many waiting entries and queued actions one round chained. */
    record Round(int pending, int queued) {
    }

    /**
     * One round: the oldest waiting entries and the queued actions, up to {@link #ROUND} of each, written and linked into
     * the chain in one transaction. When that fails and actions were in it, each action is tried again alone, so that
     * one whose rows cannot be written fails alone (an Error too: its caller gets it, and the chainer's thread goes on).
     * What the round committed is written to the database file before any of its callers hears of it.
     */
    synchronized Round round() {
        List<Queued> taken = takeQueued();
        List<Long> ids;
        Map<Queued, Throwable> failed = new HashMap<>();
        try {
            ids = transaction.execute(tx -> chain(true, taken));
        } catch (RuntimeException | Error e) {
            if (taken.isEmpty()) {
                throw e;
            }
            ids = List.of();
            for (Queued action : taken) {
                try {
                    transaction.execute(tx -> chain(false, List.of(action)));
                } catch (RuntimeException | Error alone) {
                    // The caller rethrows it; the round goes on with the next action.
                    failed.put(action, alone);
                }
            }
        }
        RuntimeException unwritten = ids.isEmpty() && failed.size() == taken.size() ? null : persistCommitted();
        for (Long id : ids) {
            Waiter waiter = waiting.get(id);
            if (waiter != null) {
                complete(waiter.chained, unwritten);
            }
        }
        for (Queued action : taken) {
            Throwable alone = failed.get(action);
            if (alone != null) {
                action.committed.completeExceptionally(alone);
            } else {
                complete(action.committed, unwritten);
            }
        }
        return new Round(ids.size(), taken.size());
    }

    /** Null once what is committed is in the database file, else what the callers of the round are told. */
    private RuntimeException persistCommitted() {
        try {
            durability.persistCommitted();
            return null;
        } catch (RuntimeException e) {
            LOG.error("committed audit entries and ratings could not be written to the database file", e);
            return new IllegalStateException("committed, but the database could not write it to its file: " + e.getMessage(), e);
        }
    }

    private static void complete(CompletableFuture<Void> done, RuntimeException unwritten) {
        if (unwritten == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(unwritten);
        }
    }

    /** Actions queued and not yet taken by a round. */
    int queuedActions() {
        return queued.size();
    }

    private List<Queued> takeQueued() {
        List<Queued> taken = new ArrayList<>();
        Queued action;
        while (taken.size() < ROUND && (action = queued.poll()) != null) {
            if (action.claimed.compareAndSet(false, true)) {
                taken.add(action);
            }
        }
        return taken;
    }

    /** In the round's transaction: links the waiting entries (when asked), then writes each action's rows and links its entry. */
    private List<Long> chain(boolean withPending, List<Queued> actions) {
        Head head = head(ownJdbc, " for update");
        List<Pending> pending = withPending ? ownJdbc.sql("""
                select id, at, actor, action, subject_type, subject_id, input_hash, output_hash, versions, details
                from audit_pending order by id limit :limit
                """).param("limit", ROUND)
                .query((rs, n) -> new Pending(rs.getLong(1), new Unchained(rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)))).list()
                : List.of();
        if (pending.isEmpty() && actions.isEmpty()) {
            return List.of();
        }
        List<Unchained> entries = new ArrayList<>(pending.size() + actions.size());
        pending.forEach(p -> entries.add(p.entry()));
        for (Queued action : actions) {
            action.write.writeTo(ownJdbc);
            entries.add(action.entry);
        }
        AuditKey key = keys.current();
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Unchained unchained : entries) {
            AuditEntry entry = link(head, key, unchained);
            rows.add(row(entry));
            head = new Head(entry.seq(), entry.hash());
        }
        ownBatch.batchUpdate(INSERT_ENTRY, rows);
        if (!pending.isEmpty()) {
            ownBatch.batchUpdate("delete from audit_pending where id = ?", pending.stream().map(p -> new Object[] {p.id()}).toList());
        }
        updateHead(ownJdbc, head);
        return pending.stream().map(Pending::id).toList();
    }

    /**
     * Links one entry into the chain at once, in the caller's transaction (which then holds the head row until it ends):
     * for the start-up entries that must come before anything chained with a new key.
     */
    AuditEntry chainNow(Unchained unchained) {
        Head head = head(jdbc, " for update");
        AuditEntry entry = link(head, keys.current(), unchained);
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

    private static AuditEntry link(Head head, AuditKey key, Unchained u) {
        long seq = head.seq() + 1;
        String hash = key.hmac(AuditEntry.keyedCanonical(seq, u.at(), u.actor(), u.action(), u.subjectType(), u.subjectId(), u.inputHash(),
                u.outputHash(), u.versions(), u.details(), head.hash(), key.id()));
        return new AuditEntry(seq, u.at(), u.actor(), u.action(), u.subjectType(), u.subjectId(), u.inputHash(), u.versions(), u.details(),
                head.hash(), hash, AuditEntry.KEYED, u.outputHash(), key.id());
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
                long chained = drain();
                // Between rounds, so that no caller waits for it; the next round's commit writes what it moved.
                compaction.step();
                if (chained == 0) {
                    releaseChainedElsewhere();
                    // Pages moved by compaction while idle, forced to the disk at least once a poll: safe before the
                    // retention time lets H2 overwrite the space they left.
                    durability.persistCommitted();
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
        try {
            durability.prepare();
            compaction.prepare();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the database user must be allowed to force committed changes to the H2 file "
                    + "(SET WRITE_DELAY, SET RETENTION_TIME and CHECKPOINT SYNC, an administrator's rights) so that answered calls "
                    + "survive a killed process: " + e.getMessage(), e);
        }
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
        // What was queued as the thread stopped, so that no caller waits for a round that would not come.
        drainQuietly();
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
