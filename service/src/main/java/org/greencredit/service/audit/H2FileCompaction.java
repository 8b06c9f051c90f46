package org.greencredit.service.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps an embedded H2 file near the size of its data while the {@link DurabilityBarrier} has H2 write every commit at
 * once. H2 never overwrites a page: each commit writes the pages it changed to a new chunk of the file, and the space
 * of replaced pages is reused once no live page is left in their chunk. H2's background writer, which moves the live
 * pages out of mostly dead chunks, runs only with a write delay; without it the file grew by 35,000 bytes a rating
 * under sustained load, and with it long moves under H2's store lock held rounds up (p99 at {@code -c8} 45-53 ms
 * against 20-27; BENCHMARKS.md, "H2's file kept compact, commits forced to the disk").
 *
 * <p>Here the audit chainer moves a little at a time between its rounds ({@link #step()}): at most every
 * {@link #EVERY_MILLIS} ms, up to {@link #WRITE_BYTES} of live pages of the chunks whose fill is lowest, while the
 * chunks' fill is under {@link #FILL_PERCENT}%; the next round's commit writes them. Those figures were chosen from
 * three measured settings (BENCHMARKS.md).
 */
final class H2FileCompaction {
    /** H2's own default target for its background compaction. */
    static final int FILL_PERCENT = 90;
    static final int WRITE_BYTES = 2 * 1024 * 1024;
    static final long EVERY_MILLIS = 100;
    /**
     * How long H2 keeps the space of replaced pages before writing over it, in milliseconds. H2's default, 45 s, assumes
     * that nothing forces its writes to the disk sooner; the chainer forces them at every round and at least once a
     * second, and with the default the file held every page replaced in the last 45 s (twice the size after 40 s of load).
     */
    static final int RETENTION_MILLIS = 2_000;

    private final JdbcTemplate jdbc;
    private final boolean embeddedH2File;
    private final long everyNanos;
    private MVStore store;
    private long lastStep;

    private H2FileCompaction(JdbcTemplate jdbc, boolean embeddedH2File, Duration every) {
        this.jdbc = jdbc;
        this.embeddedH2File = embeddedH2File;
        this.everyNanos = every.toNanos();
    }

    /** The compaction of the database at {@code url}, none unless it is an embedded H2 file. */
    static H2FileCompaction forUrl(String url, JdbcTemplate jdbc) {
        return forUrl(url, jdbc, Duration.ofMillis(EVERY_MILLIS));
    }

    /** As {@link #forUrl(String, JdbcTemplate)}, with steps at most every {@code every}. */
    static H2FileCompaction forUrl(String url, JdbcTemplate jdbc, Duration every) {
        return new H2FileCompaction(jdbc, EmbeddedH2.isFile(url), every);
    }

    /** At start: shortens H2's retention time and finds the store to compact (the database is open in this process). */
    void prepare() {
        if (embeddedH2File) {
            jdbc.execute("SET RETENTION_TIME " + RETENTION_MILLIS);
            store = jdbc.execute(H2FileCompaction::storeOf);
        }
    }

    /** The store of the H2 database that {@code connection} is open on, in this process. */
    static MVStore storeOf(Connection connection) throws SQLException {
        return ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
    }

    /** One step of compaction, when the last one is far enough back; none for other databases. */
    void step() {
        if (store != null && System.nanoTime() - lastStep >= everyNanos) {
            store.compact(FILL_PERCENT, WRITE_BYTES);
            lastStep = System.nanoTime();
        }
    }
}
