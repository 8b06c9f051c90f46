package org.greencredit.service.simulation;

import java.util.List;
import org.greencredit.core.rating.Rating;
import org.greencredit.engine.WhatIf;

/**
 * A what-if rating: made like any other, but neither stored, audited nor counted; its id says so.
 *
 * @param against the stored rating it is compared with, or null
 * @param changes what differs from that rating's decision, green and credit assessment; empty without {@code against}
 * @param whatIf  from the simulated request, the smallest change of each lever that improves the rating, each confirmed by
 *                rating the changed request
 */
public record Simulation(Rating rating, String against, List<Change> changes, List<WhatIf> whatIf) {
    public Simulation {
        changes = List.copyOf(changes);
        whatIf = List.copyOf(whatIf);
    }

    /** One figure that differs: its JSON path in the rating, and its value in the stored rating and in the simulation. */
    public record Change(String field, Object before, Object after) {
    }
}
