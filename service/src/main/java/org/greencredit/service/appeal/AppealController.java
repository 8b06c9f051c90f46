package org.greencredit.service.appeal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.greencredit.service.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Appeals", description = "SMEs contest ratings; officers correct and re-rate, or reject with a reason")
public class AppealController {
    private final AppealService appeals;
    private final AppealFeedback feedback;

    public AppealController(AppealService appeals, AppealFeedback feedback) {
        this.feedback = feedback;
        this.appeals = appeals;
    }

    @PostMapping(path = "/ratings/{id}/appeals", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Contest one of your ratings: which input is wrong, what it should be, your evidence")
    public ResponseEntity<Appeal> open(@PathVariable String id, @RequestBody AppealRequest body, Authentication authentication) {
        Appeal appeal = appeals.open(id, body, Caller.of(authentication));
        return ResponseEntity.created(URI.create("/api/v1/appeals/" + appeal.id())).body(appeal);
    }

    /** What resolved appeals touched (inputs, rules, features, outcomes), counts only, for the periodic rule and model review. */
    @GetMapping("/appeals/feedback")
    public AppealFeedback.Report feedback() {
        return feedback.report();
    }

    @GetMapping("/appeals/{id}")
    @Operation(summary = "An appeal with its status and answer (an SME account sees only its own)")
    public Appeal appeal(@PathVariable String id, Authentication authentication) {
        return appeals.find(id, Caller.of(authentication));
    }

    @GetMapping("/smes/{smeId}/appeals")
    @Operation(summary = "An SME's appeals, newest first")
    public List<Appeal> bySme(@PathVariable String smeId, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                              Authentication authentication) {
        return appeals.bySme(smeId, limit, Caller.of(authentication));
    }

    @GetMapping("/appeals")
    @Operation(summary = "Appeals by status, oldest first (officers)")
    public List<Appeal> byStatus(@RequestParam(defaultValue = "OPEN") @Pattern(regexp = "OPEN|CORRECTED|REJECTED") String status,
                                 @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return appeals.byStatus(status, limit);
    }

    @PostMapping(path = "/appeals/{id}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Resolve an appeal: CORRECTED with the corrected request (rated anew), or REJECTED; with an answer")
    public Appeal resolve(@PathVariable String id, @RequestBody AppealResolution body, Authentication authentication) {
        return appeals.resolve(id, body, Caller.of(authentication));
    }
}
