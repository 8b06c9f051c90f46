package org.greencredit.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An H2 file written commit by commit, as the durability barrier has it, keeps the chunks of replaced pages while any
 * live page is left in them; the compaction's steps move those pages, so the file holds less than half the bytes a row.
 */
class H2FileCompactionTest {
    @TempDir
    Path dir;

    @Test
    void aFileWrittenCommitByCommitHoldsUnderHalfTheBytesARowWithStepsThanWithout() throws Exception {
        double stepped = bytesPerRowAfterAppending("stepped", true);
        double unstepped = bytesPerRowAfterAppending("unstepped", false);
        assertThat(stepped).as("bytes a row with compaction steps, against %.0f without", unstepped).isLessThan(unstepped / 2);
    }

    /**
     * Rows of 2 KB appended three a commit for 6 s (three times H2's retention time as the compaction sets it), as
     * ratings are in rounds, with a compaction step after each commit or none; the file's size a row at the end.
     */
    private double bytesPerRowAfterAppending(String name, boolean steps) throws Exception {
        try (Connection db = DriverManager.getConnection(url(name), "sa", "")) {
            H2FileCompaction compaction = H2FileCompaction.forUrl(url(name), jdbcOn(db), Duration.ZERO);
            compaction.prepare();
            try (Statement sql = db.createStatement()) {
                sql.execute("create table t (id int primary key, body varchar(4000))");
            }
            long until = System.nanoTime() + Duration.ofMillis(3 * H2FileCompaction.RETENTION_MILLIS).toNanos();
            int id = 0;
            try (PreparedStatement insert = db.prepareStatement(
                    "insert into t values (?, repeat('a', 2000)), (?, repeat('b', 2000)), (?, repeat('c', 2000))")) {
                while (System.nanoTime() < until) {
                    insert.setInt(1, ++id);
                    insert.setInt(2, ++id);
                    insert.setInt(3, ++id);
                    insert.executeUpdate();
                    if (steps) {
                        compaction.step();
                    }
                }
            }
            assertThat(rows(db)).isEqualTo(id);
            return (double) H2FileCompaction.storeOf(db).getFileStore().size() / id;
        }
    }

    @Test
    void otherDatabasesAreNotTouched() {
        JdbcTemplate unusable = new JdbcTemplate(new SingleConnectionDataSource("jdbc:unusable:", true));
        for (String url : new String[] {"jdbc:postgresql://localhost:5432/greencredit", "jdbc:h2:mem:test", "jdbc:h2:tcp://localhost/db"}) {
            H2FileCompaction compaction = H2FileCompaction.forUrl(url, unusable, Duration.ZERO);
            assertThatCode(() -> {
                compaction.prepare();
                compaction.step();
            }).as(url).doesNotThrowAnyException();
        }
    }

    private String url(String name) {
        return "jdbc:h2:file:" + dir.resolve(name).resolve("db") + ";WRITE_DELAY=0";
    }

    private static JdbcTemplate jdbcOn(Connection db) {
        return new JdbcTemplate(new SingleConnectionDataSource(db, true));
    }

    private static long rows(Connection db) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet count = sql.executeQuery("select count(*) from t")) {
            count.next();
            return count.getLong(1);
        }
    }
}
