package org.greencredit.service.simulation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.service.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Ratings", description = "Rate an SME or farm and read ratings back")
public class SimulationController {
    public static final String PATH = "/api/v1/ratings:simulate";

    private final SimulationService simulations;

    public SimulationController(SimulationService simulations) {
        this.simulations = simulations;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What if: rate a changed request without storing, auditing or counting it",
            description = "The rating's id is 'simulation'. With against=<rating id> (a rating of the same firm that the caller may see),"
                    + " changes lists each decision, green and credit figure that differs from that rating.")
    public Simulation simulate(@RequestBody RatingRequest request,
                               @Parameter(description = "A stored rating of the same firm to compare with")
                               @RequestParam(name = "against", required = false) String against,
                               Authentication authentication) {
        return simulations.simulate(request, against, Caller.of(authentication));
    }
}
