package org.greencredit.service.rating;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
@Tag(name = "Ratings", description = "Rate an SME or farm and read ratings back")
public class RatingController {
    private final RatingService ratings;

    public RatingController(RatingService ratings) {
        this.ratings = ratings;
    }

    @PostMapping(path = "/ratings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rate a RatingRequest", description = "Only `sme` is required; the rating lists what it could not assess.")
    public ResponseEntity<Rating> rate(@RequestBody RatingRequest request) {
        Rating rating = ratings.rate(request);
        return ResponseEntity.created(URI.create("/api/v1/ratings/" + rating.id())).body(rating);
    }

    @GetMapping("/ratings/{id}")
    @Operation(summary = "A rating by id")
    public Rating rating(@PathVariable String id) {
        return ratings.find(id);
    }

    @GetMapping("/smes/{smeId}/ratings")
    @Operation(summary = "An SME's ratings, newest first")
    public List<RatingSummary> history(@PathVariable String smeId,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return ratings.history(smeId, limit);
    }
}
