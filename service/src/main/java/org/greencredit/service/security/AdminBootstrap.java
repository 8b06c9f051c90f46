package org.greencredit.service.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the first administrator from the environment when there is none, so a fresh installation can be signed into. */
@Component
public class AdminBootstrap implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Accounts accounts;
    private final String username;
    private final String password;

    public AdminBootstrap(Accounts accounts, @Value("${greencredit.admin.username:admin}") String username,
                          @Value("${greencredit.admin.password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!password.isEmpty() && !accounts.hasAdmin()) {
            accounts.putUser(username, password, Role.ADMIN, null);
            LOG.info("created the first administrator account '{}'", username);
        }
    }
}
