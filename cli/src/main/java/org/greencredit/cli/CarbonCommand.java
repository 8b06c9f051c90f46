package org.greencredit.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.greencredit.engine.CarbonReport;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.batch.BatchRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

@Command(name = "carbon", mixinStandardHelpOptions = true, subcommands = {DetectorReportCommand.class, TrainDetectorCommand.class},
        description = "Account the carbon of a file of RatingRequests: scopes, lines with factors and sources, intensity,"
                + " trend, data quality, distortion flags, carbon-efficiency level.")
final class CarbonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // Not `required` in picocli's sense: that would also demand them before the detector-report subcommand.
    @Option(names = "--in", description = "Requests file (.jsonl, .csv, .arrow, .arrows).")
    Path in;

    @Option(names = "--out", description = "Carbon reports file.")
    Path out;

    @Option(names = "--rejects", description = "Where rejected rows go (default: OUT.rejects.jsonl).")
    Path rejects;

    @Override
    public Integer call() {
        if (in == null || out == null) {
            throw new ParameterException(spec.commandLine(), "Missing required options: '--in=<in>', '--out=<out>'");
        }
        Path rejectsFile = rejects != null ? rejects : FileBatch.defaultRejects(out);
        RatingEngine engine = RatingEngine.standard(Clock.systemUTC());
        BatchRunner<CarbonReport> runner = new BatchRunner<>(engine::carbon, Runtime.getRuntime().availableProcessors());
        return FileBatch.report("carbon", FileBatch.run(in, out, rejectsFile, runner, CarbonReport.class), rejectsFile);
    }
}
