package org.greencredit.service.demo;

import org.greencredit.service.config.ServiceSettings;
import org.greencredit.service.security.Accounts;
import org.greencredit.service.security.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's accounts, documented in the README: one per role, the SME account owning the example
 * firm. Their passwords and key are demo settings (override them with environment variables), and
 * none of this exists when demo data is switched off.
 */
@Component
@ConditionalOnProperty(name = "greencredit.demo.enabled", havingValue = "true", matchIfMissing = true)
public class DemoAccounts {
    /** The firm of the README example, {@code static/demo/example-request.json}. */
    public static final String EXAMPLE_SME = "91330800MA2B000001";

    private final Accounts accounts;
    private final String password;
    private final String apiKey;

    public DemoAccounts(Accounts accounts, ServiceSettings settings) {
        this.accounts = accounts;
        this.password = settings.demo().password();
        this.apiKey = settings.demo().apiKey();
    }

    void create() {
        accounts.putUser("admin", password, Role.ADMIN, null);
        accounts.putUser("officer1", password, Role.OFFICER, null);
        accounts.putUser("officer2", password, Role.OFFICER, null);
        accounts.putUser("sme", password, Role.SME, EXAMPLE_SME);
        accounts.putApiKey("demo-pipeline", apiKey);
    }
}
