package org.greencredit.rules.engine;

import java.util.List;

/** A ruleset that does not compile or lacks required metadata; {@link #problems()} names file and line or rule. */
public final class RulesetException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public RulesetException(List<String> problems) {
        super("ruleset rejected:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
