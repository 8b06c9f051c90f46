package org.greencredit.service;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The rating API suite again, on a real PostgreSQL with the same Flyway migrations. */
@Tag("slow")
class PostgresRatingApiTest extends RatingApiTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }
}
