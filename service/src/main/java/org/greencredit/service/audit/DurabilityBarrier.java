package org.greencredit.service.audit;

import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes everything committed so far survive a killed process or a lost machine, once per round of the
 * {@link AuditChainer}, before the calls whose entries the round chained are answered. Every call that changes a rating,
 * an appeal, an override, a model, a ruleset or a loan outcome waits for its audit entry to be chained, so one barrier
 * per round covers all of them.
 *
 * <p>Embedded H2 keeps committed changes in memory and writes them to its file in the background (its write delay,
 * half a second by default): a process killed meanwhile lost ratings it had answered 201 for. Writing on every commit
 * instead ({@code WRITE_DELAY=0}) is durable but turns off H2's background writer, which is also what compacts the
 * file: under sustained load the file grew by 35,000 bytes a rating (BENCHMARKS.md, "H2's file under sustained load").
 * {@code CHECKPOINT SYNC} writes the round's commit and forces it to the disk while the background writer keeps
 * compacting. PostgreSQL's commit returns once its log record is flushed, so it needs nothing here.
 */
final class DurabilityBarrier {
    /**
     * How long H2 keeps the space of pages it has replaced before writing over it, in milliseconds. H2's default, 45 s,
     * assumes that nothing forces its writes to the disk sooner; the chainer forces them at least once a second, and
     * with the default the file kept every page replaced in the last 45 s: twice the size after 40 s of load.
     */
    static final int RETENTION_MILLIS = 2_000;

    private final JdbcTemplate jdbc;
    private final boolean embeddedH2File;

    private DurabilityBarrier(JdbcTemplate jdbc, boolean embeddedH2File) {
        this.jdbc = jdbc;
        this.embeddedH2File = embeddedH2File;
    }

    /** The barrier for the database at {@code url}, run on {@code jdbc}'s connections (outside any transaction). */
    static DurabilityBarrier forUrl(String url, JdbcTemplate jdbc) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        boolean h2File = lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:") && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:");
        return new DurabilityBarrier(jdbc, h2File);
    }

    /**
     * At start, before the first barrier: sets H2's retention time to {@link #RETENTION_MILLIS}, which is safe only
     * while something forces writes to the disk more often, as the chainer does.
     */
    void prepare() {
        if (embeddedH2File) {
            jdbc.execute("SET RETENTION_TIME " + RETENTION_MILLIS);
            persistCommitted();
        }
    }

    /**
     * Writes what is committed to the database file and forces it to the disk ({@code CHECKPOINT SYNC}), so that it
     * survives a lost machine as well as a killed process, as a PostgreSQL commit does. H2 runs it, and
     * {@link #prepare()}, only for an administrator: the user that created the database is one, and a start with
     * another user fails (see {@link AuditChainer#start()}).
     */
    void persistCommitted() {
        if (embeddedH2File) {
            jdbc.execute("CHECKPOINT SYNC");
        }
    }
}
