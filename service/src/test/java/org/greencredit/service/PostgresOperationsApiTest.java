package org.greencredit.service;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The operations suite again, on a real PostgreSQL. */
@Tag("slow")
class PostgresOperationsApiTest extends OperationsApiTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }
}
