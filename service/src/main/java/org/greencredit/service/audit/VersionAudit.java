package org.greencredit.service.audit;

import java.nio.file.Path;
import java.util.List;
import org.greencredit.core.rating.Versions;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.RulesListener;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records in the audit log which engine, rules, models and factors are in force: at start-up when
 * they differ from the last record (a deployment with new models), and at every ruleset reload,
 * accepted or rejected. At start-up it first binds the chain to the audit key in use (a rotation).
 */
@Component
public class VersionAudit implements RulesListener {
    public static final String SYSTEM = "system";

    private final AuditLog audit;
    private final RatingEngine engine;
    private final TransactionTemplate transaction;

    public VersionAudit(AuditLog audit, RatingEngine engine, TransactionTemplate transaction) {
        this.audit = audit;
        this.engine = engine;
        this.transaction = transaction;
        engine.addRulesListener(this);
    }

    public static String describe(Versions v) {
        return "engine=" + v.engine() + "; ruleset=" + v.ruleset() + "; models=" + v.models() + "; factors=" + v.factors();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void recordVersionsInService() {
        String versions = describe(engine.versions());
        transaction.executeWithoutResult(tx -> {
            audit.bindToCurrentKey(SYSTEM);
            if (!versions.equals(audit.lastVersionsOf("VERSIONS_IN_SERVICE"))) {
                audit.append(SYSTEM, "VERSIONS_IN_SERVICE", "engine", "greencredit", null, versions, "service started with new versions");
            }
        });
    }

    @Override
    public void activated(String rulesetVersion, Path dir) {
        transaction.executeWithoutResult(tx -> audit.append(SYSTEM, "RULESET_ACTIVATED", "ruleset", rulesetVersion, null,
                describe(engine.versions()), "from " + dir.getFileName()));
    }

    @Override
    public void rejected(Path dir, List<String> problems, String stillActiveVersion) {
        transaction.executeWithoutResult(tx -> audit.append(SYSTEM, "RULESET_REJECTED", "ruleset", stillActiveVersion, null, null,
                problems.size() + " problem(s) in " + dir.getFileName() + "; first: " + problems.get(0)));
    }
}
