package org.greencredit.cli;

import java.util.Objects;
import java.util.concurrent.Callable;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.reports.ChallengerComparison;
import org.greencredit.engine.reports.FairnessReport;
import org.greencredit.models.registry.CreditModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code model compare}: rates a population with a registry's champion and its challenger in shadow, and compares the two. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Rate a population (your requests file with known outcomes, or a generated one) with the registry's champion and"
                + " its challenger in shadow, and report how often they agree on the grade, their rank correlation, and on firms with"
                + " known outcomes each one's AUC, Brier score, log loss and mean PD against the observed default rate, overall and"
                + " by region, size class, thin file and farm. Firms the thin-file scorecard rated are left out: the challenger"
                + " challenges the champion. Prints one JSON object; exit code 2 when rows were rejected.")
final class CompareCommand implements Callable<Integer> {
    private static final String COMMAND = "model compare";

    @Mixin
    RatedPopulation population;

    @Mixin
    ModelsDirOption models;

    @Override
    public Integer call() {
        if (models.modelsDir == null) {
            throw new IllegalArgumentException("--models-dir is required: the shipped models have no challenger");
        }
        RatingEngine engine = models.engine();
        CreditModels credit = engine.creditModels();
        if (credit.challenger() == null) {
            throw new IllegalArgumentException(models.modelsDir + ": registry.properties names no challenger");
        }
        RatedPopulation.Result<ChallengerComparison.Compared> result = population.rate(engine, COMMAND, (request, rating, defaulted) -> {
            var c = rating.credit();
            return c.challenger() == null ? null : new ChallengerComparison.Compared(FairnessReport.groupsOf(request), c.pd(), c.grade(),
                    c.challenger().pd(), c.challenger().grade(), defaulted);
        });
        var compared = result.rated().stream().filter(Objects::nonNull).toList();
        if (compared.isEmpty()) {
            throw new IllegalArgumentException("the champion scored none of the firms (all were thin files), so there is nothing to compare");
        }
        JsonOutput.print(ChallengerComparison.of(compared, result.described() + "; " + (result.rated().size() - compared.size())
                + " thin-file firms left out", credit.champion().version(), credit.challenger().version()));
        return RatedPopulation.exitCode(COMMAND, result.rejected());
    }
}
