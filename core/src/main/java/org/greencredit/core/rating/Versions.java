package org.greencredit.core.rating;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The exact versions behind a rating, so that it can be reproduced and audited. */
public record Versions(String engine, String ruleset, String models, String factors) {
    /** How {@link #models} names a challenger model, which scores in shadow and decides nothing. */
    public static final String CHALLENGER_PREFIX = "challenger:";

    /** The same versions without the challenger model's. */
    public Versions withoutChallenger() {
        String kept = Arrays.stream(models.split(",")).filter(m -> !m.startsWith(CHALLENGER_PREFIX))
                .collect(Collectors.joining(","));
        return new Versions(engine, ruleset, kept, factors);
    }
}
