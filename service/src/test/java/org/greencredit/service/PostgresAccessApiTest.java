package org.greencredit.service;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Access, idempotency and the audit chain again, on a real PostgreSQL (row locks, unique keys under concurrency). */
@Tag("slow")
class PostgresAccessApiTest extends AccessApiTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }
}
