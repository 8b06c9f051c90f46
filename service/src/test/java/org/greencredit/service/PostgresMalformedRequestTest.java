package org.greencredit.service;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The malformed-request suite again, on a real PostgreSQL: nothing stored there either. */
class PostgresMalformedRequestTest extends MalformedRequestTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }
}
