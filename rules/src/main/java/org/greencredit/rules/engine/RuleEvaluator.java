package org.greencredit.rules.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.greencredit.core.rating.RuleHit;
import org.greencredit.rules.facts.GreenFacts;
import org.greencredit.rules.facts.GreenTally;
import org.greencredit.rules.facts.PolicyDecision;
import org.greencredit.rules.facts.PolicyFacts;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Runs the green and policy rules of one ruleset and turns every fired rule into a
 * {@link RuleHit} with its points or effect and the evidence it saw. Thread-safe.
 */
public final class RuleEvaluator {
    /** The global through which decision-table rows award points (declared in the tables' Variables). */
    private static final String TALLY_GLOBAL = "tally";
    /** The global through which policy-table rows set outcomes, caps and discounts. */
    private static final String DECISION_GLOBAL = "decision";

    private final Ruleset ruleset;
    private final KieSessionsPool pool;
    /**
     * One pooled session per thread: a stateless session from a pool keeps the same working memory between
     * evaluations, reset after each, instead of building a new one (most of an evaluation's cost). Not
     * shareable across threads, hence per thread.
     */
    private final ThreadLocal<Session> sessions = ThreadLocal.withInitial(Session::new);

    public RuleEvaluator(Ruleset ruleset) {
        this.ruleset = ruleset;
        this.pool = ruleset.kieBase().newKieSessionsPool(Runtime.getRuntime().availableProcessors());
    }

    /** A thread's pooled session, with the listener that records what fired, added once. */
    private final class Session {
        final StatelessKieSession session = pool.newStatelessKieSession();
        final FiredRules fired = new FiredRules();

        Session() {
            session.addEventListener(fired);
        }
    }

    public Ruleset ruleset() {
        return ruleset;
    }

    /** @param dimensionLevel the level the three-dimension rule combined, null when none fired (no carbon-efficiency level) */
    public record GreenResult(int score, String grade, String colour, boolean excluded, Integer dimensionLevel, List<RuleHit> hits) {
    }

    public record PolicyResult(String outcome, double limitCny, int rateDiscountBp, List<String> referralReasons, List<RuleHit> hits) {
    }

    public GreenResult evaluateGreen(GreenFacts facts) {
        GreenTally tally = new GreenTally(facts);
        List<String> fired = run(tally, null, facts, tally);
        List<RuleHit> hits = new ArrayList<>();
        for (String name : new LinkedHashSet<>(fired)) {
            GreenTally.Award award = tally.awards().get(name);
            hits.add(hit(name, award == null ? 0 : award.points(), award == null ? "score=" + tally.getScore() : award.evidence()));
        }
        if (tally.getColour() == null || tally.getGrade() == null) {
            throw new IllegalStateException("ruleset " + ruleset.version() + " left the colour or grade unset; fired: " + fired);
        }
        return new GreenResult(tally.getScore(), tally.getGrade(), tally.getColour(), tally.isExcluded(), tally.getDimensionLevel(), hits);
    }

    public PolicyResult evaluatePolicy(PolicyFacts facts) {
        PolicyDecision decision = new PolicyDecision(facts);
        List<String> fired = run(null, decision, facts, decision);
        Map<String, String> evidence = decision.evidence();
        List<RuleHit> hits = new ArrayList<>();
        for (String name : new LinkedHashSet<>(fired)) {
            hits.add(hit(name, decision.effects().getOrDefault(name, 0), evidence.getOrDefault(name, "")));
        }
        double limit = Double.isInfinite(decision.getLimitCny()) ? 0 : decision.getLimitCny();
        return new PolicyResult(decision.getOutcome(), limit, decision.getRateDiscountBp(),
                List.copyOf(new LinkedHashSet<>(decision.referralReasons())), hits);
    }

    private RuleHit hit(String name, int points, String evidence) {
        RuleInfo info = ruleset.rule(name);
        return new RuleHit(info.id(), info.titleZh(), info.titleEn(), points, evidence, info.source());
    }

    /**
     * @param tally    the green tally the green tables write to (their global {@code tally}), or null
     * @param decision the policy decision the policy tables write to (their global {@code decision}), or null
     */
    private List<String> run(GreenTally tally, PolicyDecision decision, Object... facts) {
        Session pooled = sessions.get();
        StatelessKieSession session = pooled.session;
        if (tally != null) {
            session.setGlobal(TALLY_GLOBAL, tally);
        }
        if (decision != null) {
            session.setGlobal(DECISION_GLOBAL, decision);
        }
        pooled.fired.clear();
        session.execute(List.of(facts));
        return List.copyOf(pooled.fired.names());
    }
}
