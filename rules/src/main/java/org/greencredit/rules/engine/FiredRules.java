package org.greencredit.rules.engine;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Records the name of every rule that fired, in firing order. One per evaluation; not thread-safe. */
final class FiredRules extends DefaultAgendaEventListener {
    private final List<String> names = new ArrayList<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        names.add(event.getMatch().getRule().getName());
    }

    List<String> names() {
        return names;
    }
}
