package org.greencredit.service.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.greencredit.service.rating.RatingService;
import org.greencredit.service.rating.RatingSummary;
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
@Tag(name = "Officer review", description = "The referral queue, overrides with reasons, and the second approval (officers)")
public class ReviewController {
    private final RatingService ratings;
    private final OverrideService overrides;

    public ReviewController(RatingService ratings, OverrideService overrides) {
        this.ratings = ratings;
        this.overrides = overrides;
    }

    @GetMapping("/referrals")
    @Operation(summary = "Referred ratings no override has settled, oldest first",
            description = "Filter by colour (DEEP_GREEN, LIGHT_GREEN, YELLOW, RED) or by a referral reason code such as CROP_MISMATCH.")
    public List<RatingSummary> referrals(@RequestParam(required = false) @Pattern(regexp = "DEEP_GREEN|LIGHT_GREEN|YELLOW|RED") String colour,
                                         @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}") String reason,
                                         @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return ratings.openReferrals(colour, reason, limit);
    }

    @PostMapping(path = "/ratings/{id}/overrides", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "RatingOverride outcome, limit or rate discount, with a mandatory reason",
            description = "Applied at once, or PENDING_SECOND_APPROVAL above the four-eyes limit or when a decline becomes an approval.")
    public ResponseEntity<RatingOverride> override(@PathVariable String id, @RequestBody OverrideRequest body, Authentication authentication) {
        RatingOverride o = overrides.request(id, body, Caller.of(authentication));
        return ResponseEntity.created(URI.create("/api/v1/overrides/" + o.id())).body(o);
    }

    @GetMapping("/ratings/{id}/overrides")
    @Operation(summary = "A rating's overrides, oldest first")
    public List<RatingOverride> overridesOf(@PathVariable String id, Authentication authentication) {
        ratings.find(id, Caller.of(authentication));
        return overrides.forRating(id);
    }

    @GetMapping("/overrides/pending")
    @Operation(summary = "Overrides waiting for a second officer")
    public List<RatingOverride> pending(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return overrides.pending(limit);
    }

    /** A second officer's decision on a pending override. */
    public record Decision(String note) {
    }

    @PostMapping(path = "/overrides/{id}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve a pending override (a different officer from the one who asked)")
    public RatingOverride approve(@PathVariable String id, @RequestBody(required = false) Decision body, Authentication authentication) {
        return overrides.decide(id, true, body == null ? null : body.note(), Caller.of(authentication));
    }

    @PostMapping(path = "/overrides/{id}/rejection", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reject a pending override, with a note")
    public RatingOverride reject(@PathVariable String id, @RequestBody Decision body, Authentication authentication) {
        return overrides.decide(id, false, body.note(), Caller.of(authentication));
    }
}
