package org.greencredit.service;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One real PostgreSQL per test JVM, started on first use and stopped when the JVM exits. */
final class EmbeddedPostgresDatabase {
    private static EmbeddedPostgres postgres;

    private EmbeddedPostgresDatabase() {
    }

    static synchronized void register(DynamicPropertyRegistry registry) {
        server();
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    /** The JDBC URL of a new, empty database on the shared server, for a test that builds its schema step by step. */
    static synchronized String newDatabase(String name) throws SQLException {
        server();
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement create = admin.createStatement()) {
            create.execute("create database " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    private static void server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
    }
}
