package org.greencredit.service.config;

import org.greencredit.service.models.ModelGovernance;
import org.greencredit.service.rulesets.RulesetGovernance;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Several instances on one database: an administrator approves a model or rule change on one of them, which brings it
 * into force at once; the others find the approval in the database every {@code greencredit.governance.follow-millis}
 * and bring it into force too, so that no instance rates with superseded models or rules until its next restart.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ApprovedChangeFollower {
    private final ModelGovernance models;
    private final RulesetGovernance rulesets;

    public ApprovedChangeFollower(ModelGovernance models, RulesetGovernance rulesets) {
        this.models = models;
        this.rulesets = rulesets;
    }

    @Scheduled(fixedDelayString = "${greencredit.governance.follow-millis}", initialDelayString = "${greencredit.governance.follow-millis}")
    public void follow() {
        rulesets.followApproved();
        models.followApproved();
    }
}
