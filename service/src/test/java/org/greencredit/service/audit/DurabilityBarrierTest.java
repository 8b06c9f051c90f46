package org.greencredit.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What a killed process leaves behind is what H2 has written to its file: a copy of the file taken while the database
 * is open stands for it. The write delay here is ten minutes, so that only the barrier can have written a commit.
 */
class DurabilityBarrierTest {
    /** H2's background writer would write within ten minutes: long after each of these tests. */
    private static final String SLOW_WRITES = ";WRITE_DELAY=600000";

    @TempDir
    Path dir;

    @Test
    void aCommittedRowReachesTheFileAtTheBarrierAndNotBefore() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("live/db");
        try (Connection db = DriverManager.getConnection(url + SLOW_WRITES, "sa", "")) {
            commitOneRow(db);
            assertThat(rowsInCopyOf(url, "before")).isZero();

            DurabilityBarrier.forUrl(url, new JdbcTemplate(dataSource(url))).persistCommitted();

            assertThat(rowsInCopyOf(url, "after")).isEqualTo(1);
        }
    }

    @Test
    void preparingAnH2FileMakesItWriteEachCommitBeforeItReturns() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("prepared/db");
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            // H2's own default: commits written in the background up to half a second later.
            assertThat(setting(db, "WRITE_DELAY")).isEqualTo("500");
            DurabilityBarrier.forUrl(url, new JdbcTemplate(dataSource(url))).prepare();
            assertThat(setting(db, "WRITE_DELAY")).isEqualTo("0");
            commitOneRow(db);
            assertThat(rowsInCopyOf(url, "copy")).isEqualTo(1);
        }
    }

    private static String setting(Connection db, String name) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement("select setting_value from information_schema.settings where setting_name = ?")) {
            sql.setString(1, name);
            try (ResultSet row = sql.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    @Test
    void otherDatabasesAreNotTouched() {
        JdbcTemplate unusable = new JdbcTemplate(new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("the barrier must not connect");
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                throw new SQLException("the barrier must not connect");
            }
        });
        for (String url : new String[] {"jdbc:postgresql://localhost:5432/greencredit", "jdbc:h2:mem:test", "jdbc:h2:tcp://localhost/db",
            "JDBC:H2:MEM:upper"}) {
            DurabilityBarrier barrier = DurabilityBarrier.forUrl(url, unusable);
            assertThatCode(barrier::prepare).as(url).doesNotThrowAnyException();
            assertThatCode(barrier::persistCommitted).as(url).doesNotThrowAnyException();
        }
    }

    @Test
    void anEmbeddedH2FileIsRecognisedWhateverTheCaseOfItsUrl() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("upper/db");
        try (Connection db = DriverManager.getConnection(url + SLOW_WRITES, "sa", "")) {
            commitOneRow(db);
            DurabilityBarrier.forUrl("JDBC:H2:FILE:" + dir.resolve("upper/db"), new JdbcTemplate(dataSource(url))).persistCommitted();
            assertThat(rowsInCopyOf(url, "copy")).isEqualTo(1);
        }
    }

    /** Table t with one row, committed (the connection commits each statement). */
    private static void commitOneRow(Connection db) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("create table t (id int primary key)");
            sql.execute("insert into t values (1)");
        }
    }

    private static DriverManagerDataSource dataSource(String url) {
        return new DriverManagerDataSource(url, "sa", "");
    }

    /** Rows of table t in a copy of the open database's file, as a process killed now would leave it (0 without the table). */
    private long rowsInCopyOf(String url, String copyName) throws IOException, SQLException {
        Path file = Path.of(url.substring("jdbc:h2:file:".length()) + ".mv.db");
        Path copy = dir.resolve(copyName).resolve("db.mv.db");
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + copy.getParent().resolve("db"), "sa", "");
             ResultSet tables = db.getMetaData().getTables(null, null, "T", null)) {
            if (!tables.next()) {
                return 0;
            }
            try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("select count(*) from t")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
