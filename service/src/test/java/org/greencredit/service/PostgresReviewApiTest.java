package org.greencredit.service;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Officer review and appeals again, on a real PostgreSQL. */
@Tag("slow")
class PostgresReviewApiTest extends ReviewApiTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }
}
