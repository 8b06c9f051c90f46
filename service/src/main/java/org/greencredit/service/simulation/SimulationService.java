package org.greencredit.service.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.validation.FieldError;
import org.greencredit.core.validation.InvalidRequestException;
import org.greencredit.engine.RatingEngine;
import org.greencredit.service.rating.RatingService;
import org.greencredit.service.security.Caller;
import org.greencredit.service.web.ApiProblem;
import org.springframework.stereotype.Service;

/** Rates what-if requests with the live engine and compares them with a stored rating; touches no table. */
@Service
public class SimulationService {
    /** The id every simulation carries, so that no one mistakes it for a stored rating. */
    public static final String SIMULATION_ID = "simulation";

    /** The figures compared, by their path in the rating's JSON. */
    private static final List<Compared> COMPARED = List.of(
            new Compared("decision.outcome", r -> r.decision().outcome().name()),
            new Compared("decision.limitCny", r -> r.decision().limitCny()),
            new Compared("decision.termMonths", r -> r.decision().termMonths()),
            new Compared("decision.rateDiscountBp", r -> r.decision().rateDiscountBp()),
            new Compared("decision.referralReasons", r -> r.decision().referralReasons()),
            new Compared("green.colour", r -> r.green().colour().name()),
            new Compared("green.score", r -> r.green().score()),
            new Compared("green.grade", r -> r.green().grade()),
            new Compared("green.carbonEfficiencyLevel", r -> r.green().carbonEfficiencyLevel()),
            new Compared("green.dimensions.combinedLevel", r -> r.green().dimensions().combinedLevel()),
            new Compared("credit.pd", r -> r.credit().pd()),
            new Compared("credit.score", r -> r.credit().score()),
            new Compared("credit.grade", r -> r.credit().grade()),
            new Compared("credit.modelVersion", r -> r.credit().modelVersion()));

    private record Compared(String field, Function<Rating, Object> value) {
    }

    private final RatingEngine engine;
    private final RatingService ratings;

    public SimulationService(RatingEngine engine, RatingService ratings) {
        this.engine = engine;
        this.ratings = ratings;
    }

    /** @param againstId a stored rating of the same firm that the caller may see, or null */
    public Simulation simulate(RatingRequest request, String againstId, Caller caller) {
        if (request != null && request.sme() != null && request.sme().id() != null && !caller.maySee(request.sme().id())) {
            throw ApiProblem.forbidden("an SME account may simulate only its own firm (" + caller.smeId() + ")");
        }
        caller.requireMayEvidence(request);
        Rating against = againstId == null ? null : ratings.find(againstId, caller);
        Rating rated = engine.rate(request);
        Rating simulated = rated.withIdentity(SIMULATION_ID, rated.ratedAt());
        if (against != null && !against.smeId().equals(simulated.smeId())) {
            throw new InvalidRequestException(List.of(new FieldError("against", "rating " + againstId + " is of firm " + against.smeId()
                    + ", the request of firm " + simulated.smeId() + "; compare ratings of the same firm")));
        }
        if (caller.isRatedFirm()) {
            simulated = simulated.forRatedFirm();
        }
        return new Simulation(simulated, againstId, against == null ? List.of() : changes(against, simulated),
                engine.whatIf(request, rated));
    }

    static List<Simulation.Change> changes(Rating before, Rating after) {
        List<Simulation.Change> changes = new ArrayList<>();
        for (Compared c : COMPARED) {
            Object b = c.value().apply(before);
            Object a = c.value().apply(after);
            if (!Objects.equals(b, a)) {
                changes.add(new Simulation.Change(c.field(), b, a));
            }
        }
        return changes;
    }
}
