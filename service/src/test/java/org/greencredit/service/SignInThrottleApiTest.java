package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Probe finding 6: failed sign-ins were never throttled (132 password guesses in 15 s). Now an account
 * locks after its failures and answers 429 even to the right password, the lock is audited, and an
 * address that keeps guessing (passwords or API keys) is locked for every credential. Its own context,
 * so that its locks do not reach the other suites.
 */
@Tag("slow")
@TestPropertySource(properties = {"greencredit.rate-limit.sign-in-failures-per-account=3",
    "greencredit.rate-limit.sign-in-failures-per-address=6"})
class SignInThrottleApiTest extends ApiTestSupport {
    @Test
    void finding6GuessesLockTheAccountThenTheAddress() {
        ApiClient guess = anonymous.as("officer", "wrong-password");
        for (int i = 0; i < 3; i++) {
            assertThat(guess.get("/api/v1/me").status()).as("guess %d", i + 1).isEqualTo(401);
        }
        ApiClient.Reply locked = officer.get("/api/v1/me");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15 * 60L);

        // Another account from the same address still signs in, and the lock is in the audit log.
        ApiClient.Reply audit = secondOfficer.get("/api/v1/audit?limit=1000");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.json().valueStream().filter(e -> e.get("action").asString().equals("SIGN_IN_LOCKED")
                && e.get("subjectId").asString().equals("officer"))).hasSize(1);

        // Three API-key guesses bring the address to six failures: now every credential from it waits.
        ApiClient keyGuess = anonymous.withApiKey("not-a-key");
        for (int i = 0; i < 3; i++) {
            assertThat(keyGuess.get("/api/v1/me").status()).as("key guess %d", i + 1).isEqualTo(401);
        }
        assertThat(api.get("/api/v1/me").status()).isEqualTo(429);
        assertThat(secondOfficer.get("/api/v1/me").status()).isEqualTo(429);
        // Public pages ask for no credential and stay open.
        assertThat(anonymous.get("/api/v1/vocabulary").status()).isEqualTo(200);
    }
}
