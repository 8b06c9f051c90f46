package org.greencredit.rules.engine;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Records the name of every rule that fired, in firing order, and stops a runaway evaluation:
 * rules that keep re-activating each other are a defect of the ruleset, reported by name.
 * One per evaluation; not thread-safe.
 */
final class FiredRules extends DefaultAgendaEventListener {
    static final int MAX_FIRINGS = 1_000;
    private final List<String> names = new ArrayList<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        names.add(event.getMatch().getRule().getName());
        if (names.size() > MAX_FIRINGS) {
            throw new IllegalStateException("more than " + MAX_FIRINGS + " rule firings in one evaluation: a rule loop; last fired: "
                    + names.subList(names.size() - 5, names.size()));
        }
    }

    List<String> names() {
        return names;
    }

    /** Forgets what fired, before the next evaluation on the same pooled session. */
    void clear() {
        names.clear();
    }
}
