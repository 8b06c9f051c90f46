package org.greencredit.service.security;

import java.util.Optional;
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
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

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
        jdbc.sql("delete from api_key where name = :n").param("n", name).update();
        jdbc.sql("insert into api_key (key_hash, name, role) values (:h, :n, :r)")
                .param("h", Sha256.hex(rawKey)).param("n", name).param("r", Role.PIPELINE.name()).update();
    }

    /** The pipeline a key belongs to, if any. */
    public Optional<String> pipelineFor(String rawKey) {
        return jdbc.sql("select name from api_key where key_hash = :h").param("h", Sha256.hex(rawKey)).query(String.class).optional();
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = :u").param("u", username).query(Long.class).single() > 0;
    }

    public boolean hasAdmin() {
        return jdbc.sql("select count(*) from app_user where role = 'ADMIN'").query(Long.class).single() > 0;
    }
}
