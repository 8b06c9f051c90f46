package org.greencredit.service;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The probe's findings again, on a real PostgreSQL: the unique open appeal and the LIKE escape are the database's. */
@Tag("slow")
class PostgresProbeFindingsApiTest extends ProbeFindingsApiTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }
}
