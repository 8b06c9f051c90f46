package org.greencredit.service.appeal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.validation.FieldError;
import org.greencredit.core.validation.InvalidRequestException;
import org.greencredit.service.audit.AuditLog;
import org.greencredit.service.metrics.ServiceMetrics;
import org.greencredit.service.rating.RatingService;
import org.greencredit.service.security.Caller;
import org.greencredit.service.web.ApiProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SMEs contest their ratings; officers answer by correcting the input and rating it anew, or by
 * rejecting with a reason. The contested rating is never rewritten. Every step is audited.
 */
@Service
public class AppealService {
    static final int MIN_TEXT = 10;
    static final int MAX_TEXT = 4000;

    private final RatingService ratings;
    private final AppealRepository appeals;
    private final AuditLog audit;
    private final Clock clock;
    private final ServiceMetrics metrics;

    public AppealService(RatingService ratings, AppealRepository appeals, AuditLog audit, Clock clock, ServiceMetrics metrics) {
        this.ratings = ratings;
        this.appeals = appeals;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Transactional
    public Appeal open(String ratingId, AppealRequest body, Caller caller) {
        Rating rating = ratings.find(ratingId, caller);
        List<FieldError> errors = new ArrayList<>();
        if (body.field() == null || body.field().isBlank() || body.field().length() > 200) {
            errors.add(new FieldError("field", "name the input you contest (at most 200 characters), e.g. carbonAccount.lines[3].quantity"));
        }
        text(errors, "claim", body.claim(), true);
        text(errors, "evidence", body.evidence(), false);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.stream().sorted().toList());
        }
        Appeal appeal = new Appeal(UUID.randomUUID().toString(), ratingId, rating.smeId(), caller.name(), Instant.now(clock),
                body.field().strip(), body.claim().strip(), body.evidence() == null ? null : body.evidence().strip(), Appeal.OPEN,
                null, null, null, null);
        try {
            appeals.insert(appeal);
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("rating " + ratingId + " already has an open appeal; wait for its answer");
        }
        audit.append(caller.name(), "APPEAL_OPENED", "rating", ratingId, null, null, "appeal=" + appeal.id() + "; field=" + appeal.field());
        metrics.appeal("OPENED");
        return appeal;
    }

    @Transactional
    public Appeal resolve(String appealId, AppealResolution body, Caller caller) {
        Appeal appeal = appeals.find(appealId).orElseThrow(() -> notFound(appealId));
        if (!Appeal.OPEN.equals(appeal.status())) {
            throw ApiProblem.conflict("appeal " + appealId + " is already " + appeal.status());
        }
        String decision = body.decision() == null ? "" : body.decision().toUpperCase(Locale.ROOT);
        List<FieldError> errors = new ArrayList<>();
        if (!decision.equals(Appeal.CORRECTED) && !decision.equals(Appeal.REJECTED)) {
            errors.add(new FieldError("decision", "must be CORRECTED or REJECTED, got '" + body.decision() + "'"));
        }
        text(errors, "answer", body.answer(), true);
        if (decision.equals(Appeal.CORRECTED)) {
            if (body.correctedRequest() == null) {
                errors.add(new FieldError("correctedRequest", "is required to correct: the input with the contested value fixed"));
            } else if (body.correctedRequest().sme() == null || !appeal.smeId().equals(body.correctedRequest().sme().id())) {
                errors.add(new FieldError("correctedRequest.sme.id", "must be the appealing SME " + appeal.smeId()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.stream().sorted().toList());
        }
        String corrected = decision.equals(Appeal.CORRECTED) ? ratings.rate(body.correctedRequest(), caller, null).rating().id() : null;
        if (!appeals.resolve(appealId, decision, caller.name(), Instant.now(clock), body.answer().strip(), corrected)) {
            throw ApiProblem.conflict("appeal " + appealId + " was resolved by someone else meanwhile");
        }
        audit.append(caller.name(), "APPEAL_" + decision, "rating", appeal.ratingId(), null, null,
                "appeal=" + appealId + (corrected == null ? "" : "; correctedRating=" + corrected));
        metrics.appeal(decision);
        return appeals.find(appealId).orElseThrow();
    }

    /** An appeal the caller may see; another SME's appeal is reported as not found. */
    public Appeal find(String appealId, Caller caller) {
        Appeal appeal = appeals.find(appealId).orElseThrow(() -> notFound(appealId));
        if (!caller.maySee(appeal.smeId())) {
            throw notFound(appealId);
        }
        return appeal;
    }

    public List<Appeal> bySme(String smeId, int limit, Caller caller) {
        if (!caller.maySee(smeId)) {
            throw ApiProblem.forbidden("an SME account may read only its own appeals (" + caller.smeId() + ")");
        }
        return appeals.bySme(smeId, limit);
    }

    public List<Appeal> byStatus(String status, int limit) {
        return appeals.byStatus(status, limit);
    }

    private static void text(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required (" + MIN_TEXT + " to " + MAX_TEXT + " characters)"));
            }
        } else if (value.strip().length() < MIN_TEXT || value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "must be " + MIN_TEXT + " to " + MAX_TEXT + " characters, got " + value.strip().length()));
        }
    }

    private static ApiProblem notFound(String appealId) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Appeal not found", "no appeal with id '" + appealId + "'");
    }
}
