package org.greencredit.service;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The malformed-request suite again, on a real PostgreSQL: nothing stored there either. */
@Tag("slow")
class PostgresMalformedRequestTest extends MalformedRequestTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }
}
