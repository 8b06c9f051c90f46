package org.greencredit.service.rulesets;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.validation.FieldError;
import org.greencredit.core.validation.InvalidRequestException;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.reports.RulesetImpact;
import org.greencredit.rules.engine.RuleCases;
import org.greencredit.rules.engine.RuleEvaluator;
import org.greencredit.rules.engine.Ruleset;
import org.greencredit.rules.engine.RulesetException;
import org.greencredit.service.audit.AuditLog;
import org.greencredit.service.audit.VersionAudit;
import org.greencredit.service.config.ServiceSettings;
import org.greencredit.service.rating.RatingRepository;
import org.greencredit.service.security.Caller;
import org.greencredit.service.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rule changes governed like model changes. An administrator proposes a subdirectory of
 * {@code greencredit.rules.staging-dir}: it is compiled, must pass its own {@code cases.csv} (a ruleset that fails a case,
 * or has none, is refused and audited as such, never stored as a proposal), and is rated against the active rules on the
 * latest stored requests to show how many ratings would change. A second administrator activates it, after the directory
 * is compiled and tested again and found unchanged (same content hash). The approved ruleset is restored at the next
 * start, and other instances on the same database follow an approval within {@code greencredit.governance.follow-millis}.
 */
@Service
public class RulesetGovernance {
    private static final Logger LOG = LoggerFactory.getLogger(RulesetGovernance.class);
    static final String CASES = "cases.csv";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final int MIN_REASON_LENGTH = 10;
    private static final int CHANGES_LISTED = 50;
    private static final int FAILURES_LISTED = 20;

    private final Path staging;
    private final int impactSample;
    private final RatingEngine engine;
    private final RulesetChangeRepository changes;
    private final RatingRepository ratings;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;
    /** The approved change whose ruleset this instance runs, or failed to restore (null before any). */
    private String appliedChange;

    public RulesetGovernance(ServiceSettings settings, RatingEngine engine, RulesetChangeRepository changes, RatingRepository ratings,
                             AuditLog audit, JsonMapper json, Clock clock, TransactionTemplate transaction) {
        String dir = settings.rules().stagingDir();
        this.staging = dir.isBlank() ? null : Path.of(dir);
        this.impactSample = settings.rules().impactSample();
        this.engine = engine;
        this.changes = changes;
        this.ratings = ratings;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** The active ruleset's version, the staging directory, and the latest proposals with their impacts. */
    public record Listing(String activeVersion, String stagingDir, List<RulesetChange> changes) {
    }

    public Listing listing() {
        return new Listing(engine.versions().ruleset(), staging == null ? null : staging.toString(),
                staging == null ? List.of() : changes.latest(CHANGES_LISTED));
    }

    /** Checks and stores a proposal; a refusal is audited in a transaction of its own, since the refused request stores nothing. */
    public RulesetChange propose(RulesetProposal body, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.directory() == null || !NAME.matcher(body.directory()).matches()) {
            errors.add(new FieldError("directory", "must name a subdirectory of the staging directory (letters, digits, '.', '_', '-')"));
        }
        if (body == null || body.reason() == null || body.reason().strip().length() < MIN_REASON_LENGTH) {
            errors.add(new FieldError("reason", "must say why, in at least " + MIN_REASON_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Path dir = requireStaging().resolve(body.directory());
        Checked checked;
        try {
            checked = check(dir);
        } catch (InvalidRequestException refused) {
            transaction.executeWithoutResult(tx -> audit.append(caller.name(), "RULESET_REFUSED", "ruleset", body.directory(), null, null,
                    refused.errors().size() + " problem(s); first: " + refused.errors().get(0).field() + ": " + refused.errors().get(0).message()));
            throw refused;
        }
        List<RatingRequest> sample = ratings.latestRequests(impactSample).stream().map(r -> json.readValue(r, RatingRequest.class)).toList();
        RulesetImpact.Report impact = RulesetImpact.of(engine.tryRules(checked.ruleset(), sample));
        RulesetChange change = new RulesetChange(UUID.randomUUID().toString(), caller.name(), Instant.now(clock), body.directory(),
                checked.ruleset().version(), checked.casesPassed(), impact, body.reason().strip(), RulesetChange.PENDING, null, null, null);
        transaction.executeWithoutResult(tx -> {
            changes.insert(change);
            audit.append(caller.name(), "RULESET_PROPOSED", "ruleset", change.id(), null, null, "directory=" + change.directory() + "; version="
                    + change.version() + "; cases passed=" + change.casesPassed() + "; of " + impact.rated() + " stored requests "
                    + impact.changed() + " would change (outcome " + impact.outcomeChanged() + ", colour " + impact.colourChanged() + ", limit "
                    + impact.limitChanged() + ", discount " + impact.discountChanged() + "); reason: " + change.reason());
        });
        return change;
    }

    /** Activates a pending proposal once a second administrator approves and the directory still holds what was proposed. */
    public synchronized RulesetChange approve(String id, String note, Caller caller) {
        RulesetChange change = pending(id);
        if (change.proposedBy().equals(caller.name())) {
            throw ApiProblem.forbidden("four eyes: ruleset change " + id + " needs an administrator other than " + caller.name()
                    + ", who proposed it");
        }
        Path dir = requireStaging().resolve(change.directory());
        Checked checked = check(dir);
        if (!checked.ruleset().version().equals(change.version())) {
            throw ApiProblem.conflict("the directory " + change.directory() + " now holds ruleset " + checked.ruleset().version() + ", not the "
                    + change.version() + " that was proposed and reviewed: propose it again");
        }
        transaction.executeWithoutResult(tx -> {
            if (!changes.decide(id, RulesetChange.APPROVED, caller.name(), Instant.now(clock), note)) {
                throw ApiProblem.conflict("ruleset change " + id + " was decided meanwhile");
            }
            audit.append(caller.name(), "RULESET_CHANGE_APPROVED", "ruleset", id, null, null, "version=" + change.version() + "; proposed by "
                    + change.proposedBy() + (note == null || note.isBlank() ? "" : "; note: " + note.strip()));
        });
        // The engine's listener (VersionAudit) records RULESET_ACTIVATED with the versions in force from now on.
        engine.activateRules(checked.ruleset(), dir);
        appliedChange = id;
        return changes.find(id).orElseThrow();
    }

    @Transactional
    public RulesetChange reject(String id, String note, Caller caller) {
        RulesetChange change = pending(id);
        if (!changes.decide(id, RulesetChange.REJECTED, caller.name(), Instant.now(clock), note)) {
            throw ApiProblem.conflict("ruleset change " + id + " was decided meanwhile");
        }
        audit.append(caller.name(), "RULESET_CHANGE_REJECTED", "ruleset", id, null, null, "version=" + change.version() + "; proposed by "
                + change.proposedBy() + (note == null || note.isBlank() ? "" : "; note: " + note.strip()));
        return changes.find(id).orElseThrow();
    }

    /**
     * The ruleset of the change approved last becomes active when this instance does not run it yet: at start (restored
     * after a restart), then every {@code greencredit.governance.follow-millis} (approved on another instance sharing the
     * database and the staging directory). If its directory no longer holds it, the service keeps the rules it runs, says
     * so in the log and the audit chain once, and an administrator must propose again.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public synchronized void followApproved() {
        if (staging == null) {
            return;
        }
        changes.lastApproved().filter(last -> !last.id().equals(appliedChange)).ifPresent(last -> {
            appliedChange = last.id();
            Path dir = staging.resolve(last.directory());
            try {
                Checked checked = check(dir);
                if (checked.ruleset().version().equals(last.version())) {
                    engine.activateRules(checked.ruleset(), dir);
                    return;
                }
                restoreFailed(last, "the directory now holds " + checked.ruleset().version());
            } catch (RuntimeException e) {
                restoreFailed(last, e.getMessage());
            }
        });
    }

    private void restoreFailed(RulesetChange last, String why) {
        LOG.error("approved ruleset {} from {} not restored: {}; {} stays active", last.version(), last.directory(), why, engine.versions().ruleset());
        transaction.executeWithoutResult(tx -> audit.append(VersionAudit.SYSTEM, "RULESET_NOT_RESTORED", "ruleset", last.id(), null,
                VersionAudit.describe(engine.versions()), "approved " + last.version() + " from " + last.directory() + ": " + why));
    }

    private record Checked(Ruleset ruleset, int casesPassed) {
    }

    /** Compiles the directory and runs its cases; any problem is a 400 naming the directory, the file or the failing case. */
    private Checked check(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidRequestException(List.of(new FieldError("directory", dir.getFileName() + " is not a directory of the staging directory")));
        }
        Ruleset ruleset;
        try {
            ruleset = Ruleset.fromDirectory(dir);
        } catch (RulesetException e) {
            throw new InvalidRequestException(e.problems().stream().limit(FAILURES_LISTED).map(p -> new FieldError("directory", p)).toList());
        } catch (RuntimeException e) {
            throw new InvalidRequestException(List.of(new FieldError("directory", dir.getFileName() + " cannot be read as a ruleset: "
                    + e.getMessage())));
        }
        Path casesFile = dir.resolve(CASES);
        if (!Files.isRegularFile(casesFile)) {
            throw new InvalidRequestException(List.of(new FieldError(CASES, dir.getFileName() + " has no " + CASES
                    + ": a ruleset is activated only when its own cases show what it does")));
        }
        List<RuleCases.Case> cases;
        try (Reader in = Files.newBufferedReader(casesFile, StandardCharsets.UTF_8)) {
            cases = RuleCases.read(in, CASES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new FieldError(CASES, e.getMessage())));
        }
        if (cases.isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldError(CASES, "has no cases")));
        }
        List<FieldError> failures = new ArrayList<>();
        for (RuleCases.Outcome o : RuleCases.run(new RuleEvaluator(ruleset), cases)) {
            if (!o.passed() && failures.size() < FAILURES_LISTED) {
                failures.add(new FieldError(CASES + " line " + o.testCase().line(), o.testCase().name() + ": " + String.join("; ", o.differences())));
            }
        }
        if (!failures.isEmpty()) {
            throw new InvalidRequestException(failures);
        }
        return new Checked(ruleset, cases.size());
    }

    private Path requireStaging() {
        if (staging == null) {
            throw ApiProblem.conflict("governed rule changes are off: start the service with greencredit.rules.staging-dir naming a directory"
                    + " of staged rulesets");
        }
        return staging;
    }

    private RulesetChange pending(String id) {
        requireStaging();
        RulesetChange change = changes.find(id)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "RulesetChange not found", "no ruleset change with id '" + id + "'"));
        if (!RulesetChange.PENDING.equals(change.status())) {
            throw ApiProblem.conflict("ruleset change " + id + " is already " + change.status());
        }
        return change;
    }
}
