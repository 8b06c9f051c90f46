package org.greencredit.service.rulesets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.greencredit.service.support.DecisionNote;
import org.greencredit.service.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/rulesets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rulesets", description = "Rule changes: proposed with their cases and impact, activated by a second administrator")
public class RulesetsController {
    private final RulesetGovernance governance;

    public RulesetsController(RulesetGovernance governance) {
        this.governance = governance;
    }

    @GetMapping
    @Operation(summary = "The active ruleset and the latest proposals with their impact")
    public RulesetGovernance.Listing rulesets() {
        return governance.listing();
    }

    @PostMapping(path = "/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose a staged ruleset: compiled, its cases.csv run (any failure refuses it), its impact on the latest stored"
            + " requests shown")
    public RulesetChange propose(@RequestBody RulesetProposal body, Authentication authentication) {
        return governance.propose(body, Caller.of(authentication));
    }

    @PostMapping("/changes/{id}/approve")
    @Operation(summary = "Activate a proposed ruleset (an administrator other than the proposer), if its directory is unchanged")
    public RulesetChange approve(@PathVariable String id, @RequestBody(required = false) DecisionNote decision, Authentication authentication) {
        return governance.approve(id, decision == null ? null : decision.note(), Caller.of(authentication));
    }

    @PostMapping("/changes/{id}/reject")
    @Operation(summary = "Reject or withdraw a proposed ruleset")
    public RulesetChange reject(@PathVariable String id, @RequestBody(required = false) DecisionNote decision, Authentication authentication) {
        return governance.reject(id, decision == null ? null : decision.note(), Caller.of(authentication));
    }
}
