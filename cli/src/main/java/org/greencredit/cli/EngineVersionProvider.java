package org.greencredit.cli;

import java.time.Clock;
import org.greencredit.core.rating.Versions;
import org.greencredit.engine.RatingEngine;
import picocli.CommandLine.IVersionProvider;

/** Prints the versions a rating would report. */
final class EngineVersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        Versions v = RatingEngine.standard(Clock.systemUTC()).versions();
        return new String[] {"greencredit " + v.engine(), "ruleset " + v.ruleset(), "models " + v.models(), "factors " + v.factors()};
    }
}
