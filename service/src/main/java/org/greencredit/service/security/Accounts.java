package org.greencredit.service.security;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.greencredit.service.support.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-in accounts and pipeline API keys, kept as hashes only. */
@Service
public class Accounts implements UserDetailsService {
    /**
     * How long a key found in the database is trusted without asking it again: a pipeline calls many times a second,
     * and one query per call cost as much as the security checks around it. A key replaced here takes effect at once;
     * one removed from the database directly stops working within this time.
     */
    static final Duration KNOWN_KEY_TTL = Duration.ofSeconds(30);
    private static final int MAX_KNOWN_KEYS = 1_000;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    /** Pipeline names by key hash, with when each was read from the database (System.nanoTime). */
    private final ConcurrentHashMap<String, KnownKey> knownKeys = new ConcurrentHashMap<>();

    private record KnownKey(String name, long readAtNanos) {
    }

    public Accounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, role, sme_id from app_user where username = :u").param("u", username)
                .query((rs, n) -> new AccountDetails(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4)))
                .optional().orElseThrow(() -> new UsernameNotFoundException("no account " + username));
    }

    /** Creates or replaces an account; an SME account must name its firm. */
    @Transactional
    public void putUser(String username, String rawPassword, Role role, String smeId) {
        if (role == Role.SME && (smeId == null || smeId.isBlank())) {
            throw new IllegalArgumentException("an SME account needs the id of its firm");
        }
        if (role == Role.PIPELINE) {
            throw new IllegalArgumentException("pipelines sign in with API keys, not passwords");
        }
        jdbc.sql("delete from app_user where username = :u").param("u", username).update();
        jdbc.sql("insert into app_user (username, password_hash, role, sme_id) values (:u, :h, :r, :s)")
                .param("u", username).param("h", passwords.encode(rawPassword)).param("r", role.name()).param("s", smeId).update();
    }

    /** Registers a pipeline's API key under a name; the key itself is not stored. */
    @Transactional
    public void putApiKey(String name, String rawKey) {
        knownKeys.clear();
        jdbc.sql("delete from api_key where name = :n").param("n", name).update();
        jdbc.sql("insert into api_key (key_hash, name, role) values (:h, :n, :r)")
                .param("h", Sha256.hex(rawKey)).param("n", name).param("r", Role.PIPELINE.name()).update();
    }

    /** The pipeline a key belongs to, if any. */
    public Optional<String> pipelineFor(String rawKey) {
        String hash = Sha256.hex(rawKey);
        long now = System.nanoTime();
        KnownKey known = knownKeys.get(hash);
        if (known != null && now - known.readAtNanos() < KNOWN_KEY_TTL.toNanos()) {
            return Optional.of(known.name());
        }
        Optional<String> name = jdbc.sql("select name from api_key where key_hash = :h").param("h", hash).query(String.class).optional();
        if (name.isPresent()) {
            if (knownKeys.size() >= MAX_KNOWN_KEYS) {
                knownKeys.clear();
            }
            knownKeys.put(hash, new KnownKey(name.get(), now));
        } else {
            knownKeys.remove(hash);
        }
        return name;
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = :u").param("u", username).query(Long.class).single() > 0;
    }

    public boolean hasAdmin() {
        return jdbc.sql("select count(*) from app_user where role = 'ADMIN'").query(Long.class).single() > 0;
    }
}
