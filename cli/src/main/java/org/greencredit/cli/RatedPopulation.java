package org.greencredit.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.io.ReadRow;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.datasets.io.RecordReader;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.datasets.synthetic.SyntheticSme;
import org.greencredit.engine.RatingEngine;
import org.greencredit.models.tabular.TabularReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The firms a model report rates: the user's requests file with its known outcomes, or a synthetic population with its
 * drawn outcomes. Rows that cannot be rated are counted and the first few named on standard error, never dropped in
 * silence.
 */
final class RatedPopulation {
    private static final int ERRORS_SHOWN = 20;

    /** Where the firms come from: a file of requests, or a synthetic population with its drawn outcomes. */
    static final class Source {
        @Option(names = "--in", description = "Requests file (JSON lines, CSV, Arrow, Parquet), as rate reads.")
        Path in;

        @Option(names = "--count", description = "Firms of a synthetic population to generate instead, with their drawn outcomes.")
        Integer count;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--seed", defaultValue = "2", description = "Seed of the synthetic population (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--outcomes", description = "CSV with columns smeId and defaulted (1/0, true/false, yes/no): the known outcomes of --in's firms.")
    Path outcomes;

    /** One rated firm: its request, its rating and its outcome (null when not known). */
    interface Visitor<T> {
        T rated(RatingRequest request, Rating rating, Boolean defaulted);
    }

    /** What was rated, how many rows were rejected, and the population in words. */
    record Result<T>(List<T> rated, int rejected, String described) {
    }

    <T> Result<T> rate(RatingEngine engine, String command, Visitor<T> visitor) {
        List<T> rated = new ArrayList<>();
        int rejected = 0;
        if (source.count != null) {
            if (source.count < 1) {
                throw new IllegalArgumentException("--count must be at least 1, got " + source.count);
            }
            SyntheticPopulation synthetic = new SyntheticPopulation(seed, YearMonth.of(2025, 12), 24, ReferenceData.shipped());
            for (int i = 0; i < source.count; i++) {
                SyntheticSme sme = synthetic.generate(i);
                rated.add(visitor.rated(sme.request(), engine.rate(sme.request()), sme.truth().defaulted()));
            }
        } else {
            Map<String, Boolean> known = outcomes == null ? Map.of() : outcomes(outcomes);
            try (RecordReader<RatingRequest> reader = RecordFormat.openReader(source.in, RatingRequest.class)) {
                while (reader.hasNext()) {
                    ReadRow<RatingRequest> row = reader.next();
                    try {
                        if (!row.isOk()) {
                            throw new IllegalArgumentException(row.errors().toString());
                        }
                        RatingRequest request = row.value();
                        rated.add(visitor.rated(request, engine.rate(request), known.get(request.sme().id())));
                    } catch (RuntimeException e) {
                        if (++rejected <= ERRORS_SHOWN) {
                            System.err.println("greencredit " + command + ": row " + row.number() + " rejected: " + e.getMessage());
                        }
                    }
                }
            }
        }
        if (rated.isEmpty()) {
            throw new IllegalArgumentException("no row could be rated, so there is nothing to report");
        }
        String described = source.count != null ? "SyntheticPopulation seed " + seed + ", " + source.count + " firms"
                : "requests in " + source.in.getFileName() + (outcomes == null ? "" : ", outcomes in " + outcomes.getFileName());
        return new Result<>(rated, rejected, described);
    }

    /** Exit code 2 and a count on standard error when rows were rejected, else 0. */
    static int exitCode(String command, int rejected) {
        if (rejected > 0) {
            System.err.printf("greencredit %s: %d row(s) rejected and left out of the report%n", command, rejected);
            return GreenCreditCli.EXIT_SOME_REJECTED;
        }
        return 0;
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
