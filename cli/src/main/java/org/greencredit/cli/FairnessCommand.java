package org.greencredit.cli;

import java.util.concurrent.Callable;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.reports.FairnessReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code model fairness}: rates a population with the engine and reports how the decisions fall on groups of firms. */
@Command(name = "fairness", mixinStandardHelpOptions = true,
        description = "Rate a population (your requests file, or a generated one) and report approval, referral and decline rates, average"
                + " limit and discount, and calibration by region (more or less developed), size class, thin file and farm, with each"
                + " group's approval rate against the highest (four-fifths rule). Prints one JSON object; exit code 2 when rows were rejected.")
final class FairnessCommand implements Callable<Integer> {
    private static final String COMMAND = "model fairness";

    @Mixin
    RatedPopulation population;

    @Mixin
    ModelsDirOption models;

    @Override
    public Integer call() {
        RatingEngine engine = models.engine();
        RatedPopulation.Result<FairnessReport.Rated> result = population.rate(engine, COMMAND, (request, rating, defaulted) ->
                new FairnessReport.Rated(FairnessReport.groupsOf(request), rating.decision().outcome(), rating.decision().limitCny(),
                        rating.decision().rateDiscountBp(), rating.credit().pd(), defaulted));
        var v = engine.info().current();
        JsonOutput.print(FairnessReport.of(result.rated(), ReferenceData.shipped(), result.described(), "ruleset " + v.ruleset() + "; models "
                + v.models() + "; factors " + v.factors()));
        return RatedPopulation.exitCode(COMMAND, result.rejected());
    }
}
