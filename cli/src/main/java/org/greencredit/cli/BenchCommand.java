package org.greencredit.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.greencredit.datasets.io.RoundedNumber;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A front for the JMH benchmarks of the bench module: runs those of one target with the given
 * sizes and prints one JSON object per benchmark and mode. JMH's own command line
 * ({@code org.openjdk.jmh.Main}) takes every JMH option; BENCHMARKS.md gives both commands.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed with the JMH benchmarks: whole ratings, the carbon stage, rule evaluations, credit models, plots"
                + " or batches from file to file (--target).")
final class BenchCommand implements Callable<Integer> {
    /** The JMH benchmark classes of each target. */
    private static final Map<String, String> TARGETS = Map.of(
            "rating", "org.greencredit.bench.RatingBenchmark",
            "carbon", "org.greencredit.bench.CarbonBenchmark",
            "rules", "org.greencredit.bench.RulesBenchmark",
            "models", "org.greencredit.bench.CreditModelBenchmark",
            "plots", "org.greencredit.bench.PlotBenchmark",
            "batch", "org.greencredit.bench.BatchBenchmark");

    @Option(names = "--target", defaultValue = "rating",
            description = "rating: throughput and latency of whole ratings; carbon: 12-month carbon accounts; rules: green plus policy"
                    + " evaluations; models: champion scorecard and boosted challenger predictions with explanations; plots: the plot"
                    + " pipeline per farm and in batches; batch: ratings from a file to a file (default ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--count", description = "Requests (farms for plots, table rows for models) each benchmark cycles through"
            + " (default: the benchmark's own).")
    Integer count;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the generated requests (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", split = ",", description = "Batch file formats for --target batch: jsonl, csv, arrow, arrows"
            + " (default: jsonl,arrow).")
    List<String> formats;

    @Option(names = "--quick", description = "One short warm-up and two short measurements: a smoke run, not a figure to publish.")
    boolean quick;

    /** One benchmark's figure in one mode; percentiles only in sample mode. */
    record Figure(String benchmark, String mode, Map<String, String> params, @JsonSerialize(using = RoundedNumber.Three.class) double score,
                  @JsonSerialize(using = RoundedNumber.Three.class) double error, String unit,
                  @JsonSerialize(using = RoundedNumber.Three.class) Double p50, @JsonSerialize(using = RoundedNumber.Three.class) Double p99,
                  int processors) {
    }

    @Override
    public Integer call() throws RunnerException {
        String benchmark = TARGETS.get(target);
        if (benchmark == null) {
            throw new IllegalArgumentException("--target must be one of " + String.join(", ", TARGETS.keySet().stream().sorted().toList())
                    + ", got '" + target + "'");
        }
        ChainedOptionsBuilder options = new OptionsBuilder().include("^" + benchmark.replace(".", "\\.") + "\\.")
                .param("seed", Long.toString(seed)).verbosity(VerboseMode.SILENT);
        if (count != null) {
            options.param("count", Integer.toString(count));
        }
        if (formats != null) {
            options.param("format", formats.toArray(String[]::new));
        }
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1)).measurementIterations(2).measurementTime(TimeValue.seconds(1));
        }
        for (RunResult run : new Runner(options.build()).run()) {
            JsonOutput.print(figure(run));
        }
        return 0;
    }

    private static Figure figure(RunResult run) {
        Result<?> primary = run.getPrimaryResult();
        Statistics stats = primary.getStatistics();
        boolean sample = run.getParams().getMode().shortLabel().equals("sample");
        Map<String, String> params = new LinkedHashMap<>();
        Collection<String> keys = run.getParams().getParamsKeys();
        for (String key : new ArrayList<>(keys)) {
            params.put(key, run.getParams().getParam(key));
        }
        return new Figure(run.getParams().getBenchmark(), run.getParams().getMode().longLabel(), params, primary.getScore(),
                primary.getScoreError(), primary.getScoreUnit(), sample ? stats.getPercentile(50) : null,
                sample ? stats.getPercentile(99) : null, Runtime.getRuntime().availableProcessors());
    }
}
