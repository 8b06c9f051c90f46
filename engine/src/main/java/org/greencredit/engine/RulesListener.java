package org.greencredit.engine;

import java.nio.file.Path;
import java.util.List;

/** Told of every reload of an engine's rules directory, e.g. to audit which rules were in force when. */
public interface RulesListener {
    /** The ruleset in {@code dir} passed validation and now rates. */
    void activated(String rulesetVersion, Path dir);

    /** The ruleset in {@code dir} was refused for {@code problems}; {@code stillActiveVersion} keeps rating. */
    void rejected(Path dir, List<String> problems, String stillActiveVersion);
}
