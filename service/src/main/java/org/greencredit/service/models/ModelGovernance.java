package org.greencredit.service.models;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.validation.FieldError;
import org.greencredit.core.validation.InvalidRequestException;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.reports.ChallengerComparison;
import org.greencredit.models.registry.CreditModels;
import org.greencredit.models.registry.ModelRegistry;
import org.greencredit.service.audit.AuditLog;
import org.greencredit.service.audit.VersionAudit;
import org.greencredit.service.config.ModelRegistrySetting;
import org.greencredit.service.rating.FairnessGroupsColumn;
import org.greencredit.service.rating.RatingService;
import org.greencredit.service.security.Caller;
import org.greencredit.service.support.DecisionNote;
import org.greencredit.service.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The active models and their changes. A change names the champion, thin-file scorecard and challenger by registry
 * directory; it is checked (the models load and can run) when proposed and again when approved; a second administrator
 * approves it, and from then every rating uses the new models, without a restart, on this instance at once and on the
 * others sharing the database and the registry directory within {@code greencredit.governance.follow-millis}
 * ({@link #followApproved}). Proposal, approval and rejection go
 * into the audit chain, the approval with the versions then in force. Loan outcomes recorded against ratings feed the
 * comparison of champion and challenger.
 */
@Service
public class ModelGovernance {
    private static final Logger LOG = LoggerFactory.getLogger(ModelGovernance.class);
    static final int MIN_REASON_LENGTH = 10;
    private static final int CHANGES_LISTED = 50;

    private final ModelRegistry registry;
    private final RatingEngine engine;
    private final ModelChangeRepository changes;
    private final LoanOutcomeRepository outcomes;
    private final RatingService ratings;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    /**
     * The approved change this instance rates with (null before any): another instance's later approval is followed by
     * {@link #followApproved}.
     */
    private String appliedChange;
    /** Set at start once the change the registry's active models came from is known: before, every approved change looks new. */
    private boolean ready;

    public ModelGovernance(ModelRegistrySetting setting, RatingEngine engine, ModelChangeRepository changes, LoanOutcomeRepository outcomes,
                           RatingService ratings, AuditLog audit, Clock clock, TransactionTemplate transaction) {
        this.registry = setting.registryOrNull();
        this.engine = engine;
        this.changes = changes;
        this.outcomes = outcomes;
        this.ratings = ratings;
        this.audit = audit;
        this.clock = clock;
        this.transaction = transaction;
    }

    /**
     * What officers and administrators see: the registry (null when the service runs the shipped models), the active
     * models by directory name and by version, every model of the registry with its card, and the latest changes.
     */
    public record Listing(String registry, ModelRegistry.Active active, List<String> versions, List<ModelRegistry.Entry> models,
                          List<ModelChange> changes) {
    }

    public Listing listing() {
        CreditModels inUse = engine.creditModels();
        if (registry == null) {
            return new Listing(null, new ModelRegistry.Active(inUse.champion().version(), inUse.thinFile().version(), null), inUse.versions(),
                    List.of(), List.of());
        }
        return new Listing(registry.dir().toString(), registry.active(), inUse.versions(), registry.models(), changes.latest(CHANGES_LISTED));
    }

    @Transactional
    public ModelChange propose(ModelChangeRequest body, Caller caller) {
        ModelRegistry r = requireRegistry();
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.champion() == null || body.champion().isBlank()) {
            errors.add(new FieldError("champion", "must name the champion's model directory in the registry"));
        }
        if (body == null || body.reason() == null || body.reason().strip().length() < MIN_REASON_LENGTH) {
            errors.add(new FieldError("reason", "must say why, in at least " + MIN_REASON_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        ModelRegistry.Active now = r.active();
        ModelRegistry.Active target = new ModelRegistry.Active(body.champion().strip(),
                body.thinFile() == null || body.thinFile().isBlank() ? now.thinFile() : body.thinFile().strip(),
                body.challenger() == null || body.challenger().isBlank() ? null : body.challenger().strip());
        if (target.equals(now)) {
            throw ApiProblem.conflict("these models are active already: " + describe(target));
        }
        loadOrRefuse(r, target);
        ModelChange change = new ModelChange(UUID.randomUUID().toString(), caller.name(), Instant.now(clock), target.champion(), target.thinFile(),
                target.challenger(), body.reason().strip(), ModelChange.PENDING, null, null, null);
        changes.insert(change);
        audit.append(caller.name(), "MODEL_CHANGE_PROPOSED", "models", change.id(), null, null, describe(target) + "; reason: " + change.reason());
        return change;
    }

    /**
     * Makes a pending change active. The registry file and the engine change inside the approval's transaction, and are
     * put back if it does not commit, so that the active models and the audit chain never disagree.
     */
    public synchronized ModelChange approve(String id, DecisionNote decision, Caller caller) {
        ModelRegistry r = requireRegistry();
        ModelChange change = pending(id);
        if (change.proposedBy().equals(caller.name())) {
            throw ApiProblem.forbidden("four eyes: model change " + id + " needs an administrator other than " + caller.name()
                    + ", who proposed it");
        }
        ModelRegistry.Active target = new ModelRegistry.Active(change.champion(), change.thinFile(), change.challenger());
        ModelRegistry.Active before = r.active();
        CreditModels previous = engine.creditModels();
        CreditModels next = loadOrRefuse(r, target);
        try {
            transaction.executeWithoutResult(tx -> {
                if (!changes.decide(id, ModelChange.APPROVED, caller.name(), Instant.now(clock), note(decision))) {
                    throw ApiProblem.conflict("model change " + id + " was decided meanwhile");
                }
                r.activate(target);
                engine.useCreditModels(next);
                audit.append(caller.name(), "MODEL_CHANGE_APPROVED", "models", id, null, VersionAudit.describe(engine.versions()),
                        describe(target) + "; proposed by " + change.proposedBy() + (note(decision) == null ? "" : "; note: " + note(decision)));
            });
        } catch (RuntimeException e) {
            engine.useCreditModels(previous);
            r.activate(before);
            throw e;
        }
        appliedChange = id;
        return changes.find(id).orElseThrow();
    }

    /** At start the engine holds the registry's active models, which the change approved last made active. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void rememberApproved() {
        if (registry != null) {
            appliedChange = changes.lastApproved().map(ModelChange::id).orElse(null);
        }
        ready = true;
    }

    /**
     * Rates with the models of a change another instance on the same database approved since: the registry directory is
     * shared, the database says which change is the latest. A model that does not load here leaves the models in use as
     * they are; that is logged and audited once, and the next approved change is followed again.
     */
    public synchronized void followApproved() {
        if (registry == null || !ready) {
            return;
        }
        Optional<ModelChange> last = changes.lastApproved();
        if (last.isEmpty() || last.get().id().equals(appliedChange)) {
            return;
        }
        ModelChange change = last.get();
        ModelRegistry.Active target = new ModelRegistry.Active(change.champion(), change.thinFile(), change.challenger());
        appliedChange = change.id();
        try {
            engine.useCreditModels(registry.load(target));
            LOG.info("models of change {}, approved by {} on another instance, in use here: {}", change.id(), change.decidedBy(), describe(target));
            transaction.executeWithoutResult(tx -> audit.append(VersionAudit.SYSTEM, "MODEL_CHANGE_FOLLOWED", "models", change.id(), null,
                    VersionAudit.describe(engine.versions()), describe(target)));
        } catch (RuntimeException e) {
            LOG.error("models of change {} (approved by {}) do not load here, the models in use stay: {}", change.id(), change.decidedBy(),
                    e.getMessage());
            transaction.executeWithoutResult(tx -> audit.append(VersionAudit.SYSTEM, "MODEL_CHANGE_NOT_FOLLOWED", "models", change.id(), null,
                    VersionAudit.describe(engine.versions()), describe(target) + ": " + e.getMessage()));
        }
    }

    @Transactional
    public ModelChange reject(String id, DecisionNote decision, Caller caller) {
        requireRegistry();
        ModelChange change = pending(id);
        if (!changes.decide(id, ModelChange.REJECTED, caller.name(), Instant.now(clock), note(decision))) {
            throw ApiProblem.conflict("model change " + id + " was decided meanwhile");
        }
        audit.append(caller.name(), "MODEL_CHANGE_REJECTED", "models", id, null, null,
                describe(new ModelRegistry.Active(change.champion(), change.thinFile(), change.challenger())) + "; proposed by "
                        + change.proposedBy() + (note(decision) == null ? "" : "; note: " + note(decision)));
        return changes.find(id).orElseThrow();
    }

    /** Records (or corrects) whether the loan granted on a rating defaulted; audited. */
    @Transactional
    public LoanOutcome recordOutcome(String ratingId, LoanOutcomeRequest body, Caller caller) {
        Rating rating = ratings.find(ratingId, caller);
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.defaulted() == null) {
            errors.add(new FieldError("defaulted", "must be true (the loan defaulted) or false (it did not)"));
        }
        LocalDate ratedOn = LocalDate.ofInstant(rating.ratedAt(), ZoneOffset.UTC);
        if (body == null || body.observedOn() == null) {
            errors.add(new FieldError("observedOn", "must be the date the outcome was observed (YYYY-MM-DD)"));
        } else if (body.observedOn().isBefore(ratedOn)) {
            errors.add(new FieldError("observedOn", body.observedOn() + " is before the rating (" + ratedOn + ")"));
        } else if (body.observedOn().isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            errors.add(new FieldError("observedOn", body.observedOn() + " is in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        LoanOutcome outcome = new LoanOutcome(ratingId, body.defaulted(), body.observedOn(), caller.name(), Instant.now(clock));
        boolean replaced = outcomes.record(outcome);
        audit.append(caller.name(), "OUTCOME_RECORDED", "rating", ratingId, null, null,
                "defaulted=" + outcome.defaulted() + "; observedOn=" + outcome.observedOn() + (replaced ? "; replaces the earlier record" : ""));
        return outcome;
    }

    /**
     * The champion against the challenger on the stored ratings both scored, with the outcomes recorded for them. Without
     * names, the champion and challenger active now.
     */
    @Transactional(readOnly = true)
    public ChallengerComparison.Report comparison(String champion, String challenger) {
        CreditModels inUse = engine.creditModels();
        String championVersion = champion != null ? champion : inUse.champion().version();
        String challengerVersion = challenger != null ? challenger : inUse.challenger() == null ? null : inUse.challenger().version();
        if (challengerVersion == null) {
            throw ApiProblem.conflict("no challenger runs now: name the models to compare with ?champion=VERSION&challenger=VERSION (pairs"
                    + " with stored ratings: " + outcomes.pairs() + ")");
        }
        List<ChallengerComparison.Compared> compared = outcomes.scoredByBoth(championVersion, challengerVersion).stream()
                .map(s -> new ChallengerComparison.Compared(FairnessGroupsColumn.parse(s.fairnessGroups()), s.pd(), s.grade(), s.challenger().pd(),
                        s.challenger().grade(), s.defaulted()))
                .toList();
        long known = compared.stream().filter(c -> c.defaulted() != null).count();
        return ChallengerComparison.of(compared, "stored ratings scored by both: " + compared.size() + ", " + known + " with a recorded outcome",
                championVersion, challengerVersion);
    }

    private ModelRegistry requireRegistry() {
        if (registry == null) {
            throw ApiProblem.conflict("the service runs the shipped models, which cannot be changed: start it with greencredit.models.dir"
                    + " naming a model registry");
        }
        return registry;
    }

    private ModelChange pending(String id) {
        ModelChange change = changes.find(id)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "ModelChange not found", "no model change with id '" + id + "'"));
        if (!ModelChange.PENDING.equals(change.status())) {
            throw ApiProblem.conflict("model change " + id + " is already " + change.status());
        }
        return change;
    }

    /** The models loaded and checked; a model that cannot run is the field that names it. */
    private static CreditModels loadOrRefuse(ModelRegistry r, ModelRegistry.Active target) {
        try {
            return r.load(target);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            String field = message.startsWith("thinFile") ? "thinFile" : message.startsWith("challenger") ? "challenger" : "champion";
            throw new InvalidRequestException(List.of(new FieldError(field, message)));
        }
    }

    private static String note(DecisionNote decision) {
        return decision == null || decision.note() == null || decision.note().isBlank() ? null : decision.note().strip();
    }

    private static String describe(ModelRegistry.Active a) {
        return "champion=" + a.champion() + "; thinFile=" + a.thinFile() + "; challenger=" + (a.challenger() == null ? "none" : a.challenger());
    }
}
