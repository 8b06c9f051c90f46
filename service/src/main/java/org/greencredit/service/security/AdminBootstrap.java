package org.greencredit.service.security;

import org.greencredit.service.config.ServiceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    public AdminBootstrap(Accounts accounts, ServiceSettings settings) {
        this.accounts = accounts;
        this.username = settings.admin().username();
        this.password = settings.admin().password();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!password.isEmpty() && !accounts.hasAdmin()) {
            accounts.putUser(username, password, Role.ADMIN, null);
            LOG.info("created the first administrator account '{}'", username);
        }
    }
}
