package org.greencredit.service;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The rating API suite again, on a real PostgreSQL with the same Flyway migrations. */
class PostgresRatingApiTest extends RatingApiTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }
}
