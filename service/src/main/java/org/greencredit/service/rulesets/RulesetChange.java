package org.greencredit.service.rulesets;

import java.time.Instant;
import org.greencredit.engine.reports.RulesetImpact;

/**
 * A ruleset proposed from a staging subdirectory: its version (declared, with the files' content hash), how many of its
 * cases passed (all of them, or it would not have been proposed), its impact, and its decision.
 */
public record RulesetChange(String id, String proposedBy, Instant proposedAt, String directory, String version, int casesPassed,
                            RulesetImpact.Report impact, String reason, String status, String decidedBy, Instant decidedAt, String decisionNote) {
    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
}
