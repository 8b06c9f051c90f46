package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Self-service callers are limited per account (or per address when not signed in); officers and pipelines are not. */
@TestPropertySource(properties = {"greencredit.rate-limit.sme-per-minute=5", "greencredit.rate-limit.anonymous-per-minute=3"})
class RateLimitApiTest extends ApiTestSupport {

    @Test
    void anSmeAccountGets429WithRetryAfterPastItsLimitAndOthersAreUnaffected() {
        for (int i = 0; i < 5; i++) {
            assertThat(smeA.get("/api/v1/smes/" + SME_A + "/ratings").status()).isEqualTo(200);
        }
        ApiClient.Reply limited = smeA.get("/api/v1/smes/" + SME_A + "/ratings");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        // 5 a minute: a token every 12 s
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 12L);

        assertThat(smeB.get("/api/v1/smes/" + SME_B + "/ratings").status()).isEqualTo(200);
        for (int i = 0; i < 8; i++) {
            assertThat(officer.get("/api/v1/smes/" + SME_A + "/ratings").status()).isEqualTo(200);
            assertThat(api.get("/api/v1/smes/" + SME_A + "/ratings").status()).isEqualTo(200);
        }
    }

    @Test
    void unsignedCallsToThePublicApiAreLimitedPerAddress() {
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            int status = anonymous.get("/api/v1/algorithm-filing").status();
            ok += status == 200 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        assertThat(ok).isEqualTo(3);
        assertThat(limited).isEqualTo(3);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }
}
