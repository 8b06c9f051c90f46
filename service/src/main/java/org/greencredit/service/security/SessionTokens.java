package org.greencredit.service.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.greencredit.service.config.ServiceSettings;
import org.greencredit.service.support.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions for the web pages: after one password check the page holds a random bearer token instead
 * of the password. Only the token's SHA-256 is stored; tokens expire and sign-out revokes them.
 */
@Service
public class SessionTokens {
    private static final int TOKEN_BYTES = 32;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public SessionTokens(JdbcClient jdbc, Accounts accounts, Clock clock, ServiceSettings settings) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.lifetime = Duration.ofHours(settings.session().hours());
    }

    /** A new session. */
    public record Session(String token, Instant expiresAt, Caller caller) {
    }

    @Transactional
    public Session open(Caller caller) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now(clock);
        Instant expires = now.plus(lifetime);
        jdbc.sql("delete from web_session where expires_at < :now").param("now", Timestamp.from(now)).update();
        jdbc.sql("insert into web_session (token_hash, username, created_at, expires_at) values (:h, :u, :c, :e)")
                .param("h", Sha256.hex(token)).param("u", caller.name()).param("c", Timestamp.from(now)).param("e", Timestamp.from(expires))
                .update();
        return new Session(token, expires, caller);
    }

    /** The account a live token belongs to. */
    public Optional<AccountDetails> account(String token) {
        return jdbc.sql("select username from web_session where token_hash = :h and expires_at > :now")
                .param("h", Sha256.hex(token)).param("now", Timestamp.from(Instant.now(clock))).query(String.class).optional()
                .map(username -> (AccountDetails) accounts.loadUserByUsername(username));
    }

    public void revoke(String token) {
        jdbc.sql("delete from web_session where token_hash = :h").param("h", Sha256.hex(token)).update();
    }
}
