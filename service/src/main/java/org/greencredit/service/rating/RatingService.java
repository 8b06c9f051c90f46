package org.greencredit.service.rating;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.engine.RatingEngine;
import org.greencredit.service.audit.AuditLog;
import org.greencredit.service.audit.AuditedWrite;
import org.greencredit.service.audit.VersionAudit;
import org.greencredit.service.metrics.ServiceMetrics;
import org.greencredit.service.security.Caller;
import org.greencredit.service.support.Sha256;
import org.greencredit.service.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rates a request and keeps the rating with its input and an audit entry, committed together; an
 * invalid request is rejected before anything is stored. An SME caller may rate and read only its
 * own firm. With an idempotency key, a retried call returns the first call's rating.
 */
@Service
public class RatingService {
    private static final Logger LOG = LoggerFactory.getLogger(RatingService.class);
    /** The key a stored rating has only when a challenger scored it (none is written otherwise): the firm's view must leave it out. */
    private static final String CHALLENGER_KEY = "\"challenger\":";

    private final RatingEngine engine;
    private final RatingRepository repository;
    private final RatingMapper mapper;
    private final JsonMapper json;
    private final AuditLog audit;
    private final ServiceMetrics metrics;
    private final List<RatingStoredListener> listeners;

    public RatingService(RatingEngine engine, RatingRepository repository, RatingMapper mapper, JsonMapper json, AuditLog audit,
                         ServiceMetrics metrics, List<RatingStoredListener> listeners) {
        this.engine = engine;
        this.repository = repository;
        this.mapper = mapper;
        this.json = json;
        this.audit = audit;
        this.metrics = metrics;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * A rating, its JSON as stored (UTF-8: what the API answers, so that it is written and encoded once), and whether it
     * was made by an earlier call with the same idempotency key.
     */
    public record Result(Rating rating, byte[] json, boolean replayed) {
    }

    /** @param idempotencyKey the caller's key for this request, or null */
    public Result rate(RatingRequest request, Caller caller, String idempotencyKey) {
        if (request.sme() != null && request.sme().id() != null && !caller.maySee(request.sme().id())) {
            throw ApiProblem.forbidden("an SME account may rate only its own firm (" + caller.smeId() + ")");
        }
        caller.requireMayEvidence(request);
        byte[] requestJson = utf8Json(request);
        String inputHash = Sha256.hex(requestJson);
        if (idempotencyKey == null) {
            return shownTo(caller, storeCounted(request, requestJson, inputHash, caller, null));
        }
        Optional<Result> earlier = replay(caller, idempotencyKey, inputHash);
        if (earlier.isPresent()) {
            return shownTo(caller, earlier.get());
        }
        try {
            return shownTo(caller, storeCounted(request, requestJson, inputHash, caller, idempotencyKey));
        } catch (DuplicateKeyException raced) {
            // A concurrent call with the same key committed first; ours rolled back whole.
            return shownTo(caller, replay(caller, idempotencyKey, inputHash).orElseThrow(() -> raced));
        }
    }

    /**
     * Stores with the audit chainer's next round, or in the caller's transaction (an appeal's correction), and counts the
     * rating when the store returns: committed, unless a caller's transaction still rolls back.
     */
    private Result storeCounted(RatingRequest request, byte[] requestJson, String inputHash, Caller caller, String idempotencyKey) {
        long start = System.nanoTime();
        Result result = store(request, requestJson, inputHash, caller, idempotencyKey);
        metrics.rated(result.rating().decision().outcome().name(), Duration.ofNanos(System.nanoTime() - start));
        for (RatingStoredListener listener : listeners) {
            // Monitoring must never turn a stored rating into an error for the caller.
            try {
                listener.stored(result.rating());
            } catch (RuntimeException e) {
                LOG.error("{} could not take rating {}", listener.getClass().getSimpleName(), result.rating().id(), e);
            }
        }
        return result;
    }

    private Result store(RatingRequest request, byte[] requestJson, String inputHash, Caller caller, String idempotencyKey) {
        Rating rating = engine.rate(request);
        byte[] ratingJson = utf8Json(rating);
        AuditedWrite rows = repository.insertion(mapper.toStored(rating, request, inputHash, requestJson, ratingJson,
                FairnessGroupsColumn.of(request)));
        if (idempotencyKey != null) {
            rows = rows.andThen(RatingRepository.idempotencyKeyInsertion(caller.name(), idempotencyKey, inputHash, rating.id(),
                    rating.ratedAt()));
        }
        audit.store(rows, caller.name(), "RATING_CREATED", "rating", rating.id(), inputHash, Sha256.hex(ratingJson),
                VersionAudit.describe(rating.explanation().versions()),
                "sme=" + rating.smeId() + "; outcome=" + rating.decision().outcome() + "; limitCny=" + rating.decision().limitCny());
        return new Result(rating, ratingJson, false);
    }

    /** The rating the caller may be shown: the rated firm never sees the challenger's shadow score (see {@link Rating#forRatedFirm}). */
    private Result shownTo(Caller caller, Result result) {
        if (!caller.isRatedFirm() || result.rating().credit().challenger() == null) {
            return result;
        }
        Rating firmView = result.rating().forRatedFirm();
        return new Result(firmView, utf8Json(firmView), result.replayed());
    }

    /**
     * The JSON text as UTF-8, written once for the hash, the stored copy and the answer. (A lone surrogate, which a request
     * can spell as a JSON escape, stays an escape here; through a Java String it became '?'.)
     */
    private byte[] utf8Json(Object value) {
        return json.writeValueAsBytes(value);
    }

    private Optional<Result> replay(Caller caller, String idempotencyKey, String inputHash) {
        return repository.findIdempotencyKey(caller.name(), idempotencyKey).map(earlier -> {
            if (!earlier.requestHash().equals(inputHash)) {
                throw ApiProblem.conflict("Idempotency-Key '" + idempotencyKey + "' was used before with a different request body");
            }
            String stored = repository.findRatingJson(earlier.ratingId()).orElseThrow();
            return new Result(parse(stored), stored.getBytes(StandardCharsets.UTF_8), true);
        });
    }

    /** A rating the caller may see; another SME's rating is reported as not found, so ids cannot be probed. */
    public Rating find(String id, Caller caller) {
        Rating rating = repository.findRatingJson(id).map(this::parse).orElseThrow(() -> new RatingNotFoundException(id));
        if (!caller.maySee(rating.smeId())) {
            throw new RatingNotFoundException(id);
        }
        return caller.isRatedFirm() ? rating.forRatedFirm() : rating;
    }

    /** A rating as stored (JSON, as the API answered when it was made), for whoever may see it; another SME's is not found. */
    public String findJson(String id, Caller caller) {
        RatingRepository.StoredRatingJson stored = repository.findRatingJsonWithSme(id).orElseThrow(() -> new RatingNotFoundException(id));
        if (!caller.maySee(stored.smeId())) {
            throw new RatingNotFoundException(id);
        }
        if (caller.isRatedFirm() && stored.ratingJson().contains(CHALLENGER_KEY)) {
            return json.writeValueAsString(parse(stored.ratingJson()).forRatedFirm());
        }
        return stored.ratingJson();
    }

    /** The request a rating was made from, as stored (JSON), for whoever may see the rating. */
    public String request(String id, Caller caller) {
        RatingRepository.StoredRequest stored = repository.findRequest(id).orElseThrow(() -> new RatingNotFoundException(id));
        if (!caller.maySee(stored.smeId())) {
            throw new RatingNotFoundException(id);
        }
        return stored.requestJson();
    }

    public List<RatingSummary> history(String smeId, int limit, Caller caller) {
        if (!caller.maySee(smeId)) {
            throw ApiProblem.forbidden("an SME account may read only its own ratings (" + caller.smeId() + ")");
        }
        return repository.findSummariesBySme(smeId, limit);
    }

    /** Referrals waiting for an officer, oldest first. */
    public List<RatingSummary> openReferrals(String colour, String reason, int limit) {
        return repository.findOpenReferrals(colour, reason, limit);
    }

    private Rating parse(String ratingJson) {
        return json.readValue(ratingJson, Rating.class);
    }
}
