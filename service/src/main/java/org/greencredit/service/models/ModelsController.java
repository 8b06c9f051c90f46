package org.greencredit.service.models;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.greencredit.engine.reports.ChallengerComparison;
import org.greencredit.service.security.Caller;
import org.greencredit.service.support.DecisionNote;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Models", description = "The active credit models, their changes (four eyes), loan outcomes and the champion/challenger comparison")
public class ModelsController {
    private final ModelGovernance governance;
    private final DriftMonitor drift;

    public ModelsController(ModelGovernance governance, DriftMonitor drift) {
        this.governance = governance;
        this.drift = drift;
    }

    @GetMapping("/models/drift")
    @Operation(summary = "Population stability of the champion's inputs and PD, month by month, against its training population, with"
            + " the variables at the alert level")
    public DriftMonitor.Report drift() {
        return drift.report();
    }

    @GetMapping("/models")
    @Operation(summary = "The active models, every model of the registry with its card, and the latest changes")
    public ModelGovernance.Listing models() {
        return governance.listing();
    }

    @PostMapping(path = "/models/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose other active models (an administrator); another administrator approves")
    public ModelChange propose(@RequestBody ModelChangeRequest body, Authentication authentication) {
        return governance.propose(body, Caller.of(authentication));
    }

    @PostMapping("/models/changes/{id}/approve")
    @Operation(summary = "Approve a proposed change (an administrator other than the proposer): every later rating uses the new models")
    public ModelChange approve(@PathVariable String id, @RequestBody(required = false) DecisionNote decision, Authentication authentication) {
        return governance.approve(id, decision, Caller.of(authentication));
    }

    @PostMapping("/models/changes/{id}/reject")
    @Operation(summary = "Reject or withdraw a proposed change")
    public ModelChange reject(@PathVariable String id, @RequestBody(required = false) DecisionNote decision, Authentication authentication) {
        return governance.reject(id, decision, Caller.of(authentication));
    }

    @GetMapping("/models/comparison")
    @Operation(summary = "Champion against challenger on the stored ratings both scored: grade agreement, rank correlation, and AUC and"
            + " calibration where outcomes are recorded, overall and by group")
    public ChallengerComparison.Report comparison(@RequestParam(required = false) String champion,
                                                  @RequestParam(required = false) String challenger) {
        return governance.comparison(champion, challenger);
    }

    @PutMapping(path = "/ratings/{id}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record whether the loan granted on a rating defaulted (replaces an earlier record; audited)")
    public LoanOutcome outcome(@PathVariable String id, @RequestBody LoanOutcomeRequest body, Authentication authentication) {
        return governance.recordOutcome(id, body, Caller.of(authentication));
    }
}
