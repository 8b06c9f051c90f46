package org.greencredit.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.greencredit.service.config.ServiceSettings;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Passwords are hashed with BCrypt at the configured cost, and a stored hash is checked at the cost it was made with. */
class PasswordEncoderTest {
    private static PasswordEncoder atCost(int cost) {
        return new SecurityConfiguration().passwordEncoder(new ServiceSettings(null, null, new ServiceSettings.Passwords(cost), null, null,
                null, null, null, null, null, null, null));
    }

    @Test
    void aNewHashCarriesTheConfiguredCost() {
        String hash = atCost(5).encode("demo-password");
        // Spring Security's delegating format: the encoder's id, then BCrypt's "$2a$", the two-digit cost and the salt.
        assertThat(hash).startsWith("{bcrypt}$2a$05$");
        assertThat(atCost(5).matches("demo-password", hash)).isTrue();
        assertThat(atCost(5).matches("demo-passwort", hash)).isFalse();
    }

    @Test
    void aHashStoredAtSpringsDefaultCostStillMatchesAfterTheCostChanges() {
        // What the service stored before the cost became a setting: Spring's factory encoder, BCrypt at cost 10.
        String stored = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("demo-password");
        assertThat(stored).startsWith("{bcrypt}$2a$10$");
        assertThat(atCost(4).matches("demo-password", stored)).isTrue();
        assertThat(atCost(4).matches("other", stored)).isFalse();
    }

    @Test
    void aPlainTextPasswordIsNotAcceptedAsAHash() {
        assertThatThrownBy(() -> atCost(4).matches("demo-password", "{noop}demo-password"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noop");
    }
}
