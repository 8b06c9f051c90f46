package org.greencredit.service.audit;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes everything committed so far survive a killed process or a lost machine, once per round of the
 * {@link AuditChainer}, before the calls whose entries the round chained are answered. Every call that changes a rating,
 * an appeal, an override, a model, a ruleset or a loan outcome waits for its audit entry to be chained, so one barrier
 * per round covers all of them.
 *
 * <p>Embedded H2 by default keeps committed changes in memory and writes them to its file in the background, up to
 * half a second later: a process killed meanwhile lost ratings it had answered 201 for. The barrier has H2 write each
 * commit before it returns ({@code WRITE_DELAY 0}, set at start so that any H2 URL gets it) and forces what the round
 * wrote to the disk ({@code CHECKPOINT SYNC}), as a PostgreSQL commit does; PostgreSQL needs nothing here. Without its
 * background writer H2 no longer compacts its file: {@link H2FileCompaction} does.
 */
final class DurabilityBarrier {
    private final JdbcTemplate jdbc;
    private final boolean embeddedH2File;

    private DurabilityBarrier(JdbcTemplate jdbc, boolean embeddedH2File) {
        this.jdbc = jdbc;
        this.embeddedH2File = embeddedH2File;
    }

    /** The barrier for the database at {@code url}, run on {@code jdbc}'s connections (outside any transaction). */
    static DurabilityBarrier forUrl(String url, JdbcTemplate jdbc) {
        return new DurabilityBarrier(jdbc, EmbeddedH2.isFile(url));
    }

    /** At start: H2 writes every commit to its file before the commit returns. */
    void prepare() {
        if (embeddedH2File) {
            jdbc.execute("SET WRITE_DELAY 0");
            persistCommitted();
        }
    }

    /**
     * Writes what is committed to the database file and forces it to the disk. H2 runs it, and {@link #prepare()}, only
     * for an administrator: the user that created the database is one, and a start with another user fails (see
     * {@link AuditChainer#start()}).
     */
    void persistCommitted() {
        if (embeddedH2File) {
            jdbc.execute("CHECKPOINT SYNC");
        }
    }
}
