package org.greencredit.service.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.greencredit.core.rating.Outcome;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.validation.FieldError;
import org.greencredit.core.validation.InvalidRequestException;
import org.greencredit.service.audit.AuditLog;
import org.greencredit.service.config.ServiceSettings;
import org.greencredit.service.metrics.ServiceMetrics;
import org.greencredit.service.rating.RatingService;
import org.greencredit.service.security.Caller;
import org.greencredit.service.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officers override a rating's outcome, limit or rate discount with a reason. An override that
 * raises the limit above {@code greencredit.override.four-eyes-above-cny}, or turns a decline
 * into an approval, waits for a second, different officer. Every step is audited.
 */
@Service
public class OverrideService {
    static final int MIN_REASON_LENGTH = 10;

    private final RatingService ratings;
    private final OverrideRepository overrides;
    private final AuditLog audit;
    private final Clock clock;
    private final double fourEyesAboveCny;
    private final int maxRateDiscountBp;
    private final ServiceMetrics metrics;

    public OverrideService(RatingService ratings, OverrideRepository overrides, AuditLog audit, Clock clock,
                           ServiceSettings settings, ServiceMetrics metrics) {
        this.ratings = ratings;
        this.overrides = overrides;
        this.audit = audit;
        this.clock = clock;
        this.fourEyesAboveCny = settings.override().fourEyesAboveCny();
        this.maxRateDiscountBp = settings.override().maxRateDiscountBp();
        this.metrics = metrics;
    }

    @Transactional
    public RatingOverride request(String ratingId, OverrideRequest body, Caller caller) {
        Rating rating = ratings.find(ratingId, caller);
        List<FieldError> errors = problems(body);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String outcome = body.outcome() == null ? null : body.outcome().toUpperCase(Locale.ROOT);
        boolean secondApproval = needsSecondOfficer(rating, outcome == null ? null : Outcome.valueOf(outcome), body.limitCny());
        Instant now = Instant.now(clock);
        RatingOverride o = new RatingOverride(UUID.randomUUID().toString(), ratingId, caller.name(), now, outcome, body.limitCny(), body.rateDiscountBp(),
                body.reason().strip(), secondApproval ? RatingOverride.PENDING : RatingOverride.APPLIED, secondApproval ? null : caller.name(),
                secondApproval ? null : now, null);
        overrides.insert(o);
        audit.append(caller.name(), secondApproval ? "OVERRIDE_REQUESTED" : "OVERRIDE_APPLIED", "rating", ratingId, null, null,
                describe(o));
        metrics.override(o.status());
        return o;
    }

    @Transactional
    public RatingOverride decide(String overrideId, boolean approve, String note, Caller caller) {
        RatingOverride o = overrides.find(overrideId)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "RatingOverride not found", "no override with id '" + overrideId + "'"));
        if (!RatingOverride.PENDING.equals(o.status())) {
            throw ApiProblem.conflict("override " + overrideId + " is already " + o.status());
        }
        if (o.requestedBy().equals(caller.name())) {
            throw ApiProblem.forbidden("four eyes: override " + overrideId + " needs an officer other than " + caller.name()
                    + ", who requested it");
        }
        if (!approve && (note == null || note.strip().length() < MIN_REASON_LENGTH)) {
            throw new InvalidRequestException(List.of(new FieldError("note", "a rejection needs a note of at least "
                    + MIN_REASON_LENGTH + " characters")));
        }
        String status = approve ? RatingOverride.APPLIED : RatingOverride.REJECTED;
        if (!overrides.decide(overrideId, status, caller.name(), Instant.now(clock), note == null ? null : note.strip())) {
            throw ApiProblem.conflict("override " + overrideId + " was decided by someone else meanwhile");
        }
        RatingOverride decided = overrides.find(overrideId).orElseThrow();
        audit.append(caller.name(), approve ? "OVERRIDE_APPROVED" : "OVERRIDE_REJECTED", "rating", o.ratingId(), null, null,
                "override=" + overrideId + (note == null ? "" : "; note=" + note.strip()));
        metrics.override(status);
        return decided;
    }

    /**
     * Four eyes are judged on the decision the override leaves, not on its fields alone: a limit above
     * the threshold, a decline turned into an approval, or an approval above the threshold that the
     * engine did not already grant (a referral with a large limit approved as it stands).
     */
    boolean needsSecondOfficer(Rating rating, Outcome newOutcome, Double newLimit) {
        Outcome before = rating.decision().outcome();
        Outcome after = newOutcome != null ? newOutcome : before;
        double limitAfter = newLimit != null ? newLimit : rating.decision().limitCny();
        boolean grantedAlready = before == Outcome.APPROVE && limitAfter <= rating.decision().limitCny();
        return (newLimit != null && newLimit > fourEyesAboveCny)
                || (after == Outcome.APPROVE && before == Outcome.DECLINE)
                || (after == Outcome.APPROVE && limitAfter > fourEyesAboveCny && !grantedAlready);
    }

    public List<RatingOverride> pending(int limit) {
        return overrides.pending(limit);
    }

    public List<RatingOverride> forRating(String ratingId) {
        return overrides.forRating(ratingId);
    }

    private List<FieldError> problems(OverrideRequest body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.reason() == null || body.reason().strip().length() < MIN_REASON_LENGTH) {
            errors.add(new FieldError("reason", "is required: say why, in at least " + MIN_REASON_LENGTH + " characters"));
        }
        if (body.outcome() == null && body.limitCny() == null && body.rateDiscountBp() == null) {
            errors.add(new FieldError("outcome", "give at least one of outcome, limitCny and rateDiscountBp to change"));
        }
        if (body.outcome() != null && !List.of("APPROVE", "REFER", "DECLINE").contains(body.outcome().toUpperCase(Locale.ROOT))) {
            errors.add(new FieldError("outcome", "must be APPROVE, REFER or DECLINE, got '" + body.outcome() + "'"));
        }
        if (body.limitCny() != null && !(body.limitCny() >= 0 && Double.isFinite(body.limitCny()))) {
            errors.add(new FieldError("limitCny", "must be a finite amount >= 0, got " + body.limitCny()));
        }
        if (body.rateDiscountBp() != null && (body.rateDiscountBp() < 0 || body.rateDiscountBp() > maxRateDiscountBp)) {
            errors.add(new FieldError("rateDiscountBp", "must be in 0.." + maxRateDiscountBp + ", got " + body.rateDiscountBp()));
        }
        return errors.stream().sorted().toList();
    }

    private static String describe(RatingOverride o) {
        return "override=" + o.id() + "; outcome=" + o.outcome() + "; limitCny=" + o.limitCny() + "; rateDiscountBp=" + o.rateDiscountBp()
                + "; reason=" + o.reason();
    }
}
