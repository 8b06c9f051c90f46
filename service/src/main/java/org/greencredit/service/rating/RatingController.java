package org.greencredit.service.rating;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.service.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Ratings", description = "Rate an SME or farm and read ratings back")
public class RatingController {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private final RatingService ratings;

    public RatingController(RatingService ratings) {
        this.ratings = ratings;
    }

    @PostMapping(path = "/ratings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rate a RatingRequest", description = "Only `sme` is required; the rating lists what it could not assess."
            + " Send an Idempotency-Key to make retries safe: the same key and body return the first rating"
            + " (with Idempotent-Replayed: true); the same key with another body is a 409.")
    @ApiResponse(responseCode = "201", description = "The rating, as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Rating.class)))
    public ResponseEntity<byte[]> rate(@RequestBody RatingRequest request,
                                       @Parameter(description = "Caller-chosen key, unique per logical request")
                                       @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Size(min = 1, max = 128) String idempotencyKey,
                                       Authentication authentication) {
        RatingService.Result result = ratings.rate(request, Caller.of(authentication), idempotencyKey);
        // The JSON the rating was stored as: serialised and encoded once, and byte for byte what GET answers.
        return ResponseEntity.created(URI.create("/api/v1/ratings/" + result.rating().id()))
                .header(REPLAYED, Boolean.toString(result.replayed())).contentType(MediaType.APPLICATION_JSON).body(result.json());
    }

    @GetMapping("/ratings/{id}")
    @Operation(summary = "A rating by id (an SME account sees only its own)")
    @ApiResponse(responseCode = "200", description = "The rating, as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Rating.class)))
    public ResponseEntity<String> rating(@PathVariable String id, Authentication authentication) {
        // As stored: not parsed and written again, and byte for byte what the rating call answered.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ratings.findJson(id, Caller.of(authentication)));
    }

    @GetMapping("/ratings/{id}/request")
    @Operation(summary = "The request a rating was made from (an SME account sees only its own)")
    public String request(@PathVariable String id, Authentication authentication) {
        return ratings.request(id, Caller.of(authentication));
    }

    @PostMapping(path = "/ratings", consumes = "text/csv")
    @Operation(summary = "Rate one request given as CSV: the header and one row of GET /api/v1/templates/rating-request.csv")
    @ApiResponse(responseCode = "201", description = "The rating, as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Rating.class)))
    public ResponseEntity<byte[]> rateCsv(@RequestBody byte[] csv,
                                          @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Size(min = 1, max = 128) String idempotencyKey,
                                          Authentication authentication) {
        return rate(RequestTemplate.parseOne(csv), idempotencyKey, authentication);
    }

    @GetMapping("/smes/{smeId}/ratings")
    @Operation(summary = "An SME's ratings, newest first (an SME account sees only its own)")
    public List<RatingSummary> history(@PathVariable String smeId,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                                       Authentication authentication) {
        return ratings.history(smeId, limit, Caller.of(authentication));
    }
}
