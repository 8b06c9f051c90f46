package org.greencredit.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.io.ReadRow;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.datasets.io.RecordReader;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.datasets.synthetic.SyntheticSme;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.reports.FairnessReport;
import org.greencredit.models.tabular.TabularReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code model fairness}: rates a population with the engine and reports how the decisions fall on groups of firms. */
@Command(name = "fairness", mixinStandardHelpOptions = true,
        description = "Rate a population (your requests file, or a generated one) and report approval, referral and decline rates, average"
                + " limit and discount, and calibration by region (more or less developed), size class, thin file and farm, with each"
                + " group's approval rate against the highest (four-fifths rule). Prints one JSON object; exit code 2 when rows were rejected.")
final class FairnessCommand implements Callable<Integer> {
    /** Where the firms come from: a file of requests, or a synthetic population with its drawn outcomes. */
    static final class Population {
        @Option(names = "--in", description = "Requests file (JSON lines, CSV, Arrow, Parquet), as rate reads.")
        Path in;

        @Option(names = "--count", description = "Firms of a synthetic population to generate instead, with their drawn outcomes.")
        Integer count;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Population population;

    @Option(names = "--seed", defaultValue = "2", description = "Seed of the synthetic population (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--outcomes", description = "CSV with columns smeId and defaulted (1/0, true/false, yes/no) for calibration by group.")
    Path outcomes;

    private static final int ERRORS_SHOWN = 20;

    @Override
    public Integer call() {
        RatingEngine engine = RatingEngine.standard(Clock.systemUTC());
        List<FairnessReport.Rated> rated = new ArrayList<>();
        int rejected = 0;
        if (population.count != null) {
            if (population.count < 1) {
                throw new IllegalArgumentException("--count must be at least 1, got " + population.count);
            }
            SyntheticPopulation synthetic = new SyntheticPopulation(seed, YearMonth.of(2025, 12), 24, ReferenceData.shipped());
            for (int i = 0; i < population.count; i++) {
                SyntheticSme sme = synthetic.generate(i);
                rated.add(rated(sme.request(), engine.rate(sme.request()), sme.truth().defaulted()));
            }
        } else {
            Map<String, Boolean> known = outcomes == null ? Map.of() : outcomes(outcomes);
            try (RecordReader<RatingRequest> reader = RecordFormat.openReader(population.in, RatingRequest.class)) {
                while (reader.hasNext()) {
                    ReadRow<RatingRequest> row = reader.next();
                    try {
                        if (!row.isOk()) {
                            throw new IllegalArgumentException(row.errors().toString());
                        }
                        RatingRequest request = row.value();
                        rated.add(rated(request, engine.rate(request), known.get(request.sme().id())));
                    } catch (RuntimeException e) {
                        if (++rejected <= ERRORS_SHOWN) {
                            System.err.println("greencredit model fairness: row " + row.number() + " rejected: " + e.getMessage());
                        }
                    }
                }
            }
        }
        if (rated.isEmpty()) {
            throw new IllegalArgumentException("no row could be rated, so there is nothing to report");
        }
        var v = engine.info().current();
        String described = population.count != null ? "SyntheticPopulation seed " + seed + ", " + population.count + " firms"
                : "requests in " + population.in.getFileName() + (outcomes == null ? "" : ", outcomes in " + outcomes.getFileName());
        JsonOutput.print(FairnessReport.of(rated, ReferenceData.shipped(), described, "ruleset " + v.ruleset() + "; models " + v.models()
                + "; factors " + v.factors()));
        if (rejected > 0) {
            System.err.printf("greencredit model fairness: %d row(s) rejected and left out of the report%n", rejected);
            return GreenCreditCli.EXIT_SOME_REJECTED;
        }
        return 0;
    }

    private static FairnessReport.Rated rated(RatingRequest request, Rating rating, Boolean defaulted) {
        return new FairnessReport.Rated(FairnessReport.groupsOf(request), rating.decision().outcome(), rating.decision().limitCny(),
                rating.decision().rateDiscountBp(), rating.credit().pd(), defaulted);
    }

    private static Map<String, Boolean> outcomes(Path file) {
        Map<String, String[]> columns = TabularReader.readColumns(file, List.of("smeId", "defaulted"));
        String[] ids = columns.get("smeId");
        String[] values = columns.get("defaulted");
        Map<String, Boolean> outcomes = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            String v = values[i] == null ? "" : values[i].toLowerCase(Locale.ROOT);
            Boolean defaulted = switch (v) {
                case "1", "true", "yes" -> true;
                case "0", "false", "no" -> false;
                default -> throw new IllegalArgumentException(file + ": row " + (i + 2) + ": defaulted must be 1/0, true/false or yes/no, got '"
                        + (values[i] == null ? "" : values[i]) + "'");
            };
            if (ids[i] == null) {
                throw new IllegalArgumentException(file + ": row " + (i + 2) + ": smeId is empty");
            }
            outcomes.put(ids[i], defaulted);
        }
        return outcomes;
    }
}
