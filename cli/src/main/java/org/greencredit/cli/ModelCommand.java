package org.greencredit.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.greencredit.models.drift.DriftReport;
import org.greencredit.models.drift.PopulationReference;
import org.greencredit.models.tabular.TabularData;
import org.greencredit.models.tabular.TabularReader;
import org.greencredit.models.training.CrossValidation;
import org.greencredit.models.training.Metrics;
import org.greencredit.models.training.ModelDrift;
import org.greencredit.models.training.ModelTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "model", mixinStandardHelpOptions = true, subcommands = {ModelCommand.Train.class, ModelCommand.CrossValidate.class, ModelCommand.Evaluate.class, ModelCommand.Drift.class,
        ModelCommand.Reference.class, FairnessCommand.class, CompareCommand.class, RegistryCommand.class, ExportFeaturesCommand.class, ShipChampionCommand.class,
        SegmentReportCommand.class},
        description = "Train and evaluate a credit model on your own labelled CSV (comma, semicolon or tab separated, with a header).")
final class ModelCommand {

    /** The labelled table and the learner, as train and cross-validate both take them. */
    static final class Learner {
        @Option(names = "--data", required = true, description = "Labelled table.")
        Path data;

        @Option(names = "--target", required = true, description = "Target column.")
        String target;

        @Option(names = "--positive", description = "Target value of the positive class (default: inferred from 1/0, yes/no, true/false, bad/good).")
        String positive;

        @Option(names = "--exclude", split = ",", description = "Columns to leave out.")
        List<String> exclude = List.of();

        @Option(names = "--kind", defaultValue = "scorecard",
                description = "scorecard (points, WoE bins, logistic regression) or gbt (gradient-boosted trees); default ${DEFAULT-VALUE}.")
        String kind;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the hold-out split or the folds, and of the trainer (default ${DEFAULT-VALUE}).")
        long seed;

        Set<String> excluded() {
            return Set.copyOf(new LinkedHashSet<>(exclude));
        }

        ModelTraining.Kind learner() {
            return switch (kind) {
                case "scorecard" -> ModelTraining.Kind.SCORECARD;
                case "gbt" -> ModelTraining.Kind.GBT;
                default -> throw new IllegalArgumentException("--kind must be scorecard or gbt, got '" + kind + "'");
            };
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a points scorecard (monotone WoE bins + Tribuo logistic regression) or a gradient-boosted model, each with"
                    + " its settings chosen on your table, and write it with its model card and drift reference.")
    static final class Train implements Callable<Integer> {
        @Mixin
        Learner learner;

        @Option(names = "--out", required = true, description = "Directory for the model files.")
        Path out;

        @Override
        public Integer call() {
            ModelTraining.Trained t = ModelTraining.train(learner.data, learner.target, learner.positive, learner.excluded(), out, learner.seed,
                    learner.learner());
            JsonOutput.print(new Trained(t.version(), out.toString(), t.trainRows(), t.features().size(), t.holdout()));
            return 0;
        }
    }

    @Command(name = "cross-validate", mixinStandardHelpOptions = true,
            description = "Stratified k-fold cross-validation of a learner on your labelled table, with model train's trainer and settings;"
                    + " prints one JSON object (AUC, log loss and Brier score per fold, mean and standard deviation of the AUC, pooled"
                    + " out-of-fold metrics). The same table and seed give the same folds to every learner.")
    static final class CrossValidate implements Callable<Integer> {
        @Mixin
        Learner learner;

        @Option(names = "--folds", defaultValue = "5", description = "Number of folds, at least 2; default ${DEFAULT-VALUE}.")
        int folds;

        @Override
        public Integer call() {
            ModelTraining.Kind kind = learner.learner();
            TabularData table = TabularReader.read(learner.data, learner.target, learner.positive, learner.excluded());
            JsonOutput.print(CrossValidation.run(table, kind, folds, learner.seed));
            return 0;
        }
    }

    /** Exit code of {@code model drift --fail-on-alert} when some input or the score reached the alert level. */
    static final int EXIT_DRIFT_ALERT = 4;

    @Command(name = "drift", mixinStandardHelpOptions = true,
            description = "Population stability index of every input of a trained model and of its score, on new rows against the model's"
                    + " training table (reference.csv, written by model train), overall and by month; levels and the alert threshold from"
                    + " drift_thresholds.csv (alert at 0.25). Prints one JSON object.")
    static final class Drift implements Callable<Integer> {
        @Option(names = "--model", required = true, description = "Model directory written by model train.")
        Path model;

        @Option(names = "--data", required = true, description = "Rows to compare (CSV with the model's input columns; outcomes not needed).")
        Path data;

        @Option(names = "--month", description = "Column with each row's month or date, for the index month by month.")
        String month;

        @Option(names = "--fail-on-alert", description = "Exit with code " + EXIT_DRIFT_ALERT + " when any variable reaches the alert level.")
        boolean failOnAlert;

        @Override
        public Integer call() {
            DriftReport.Report report = ModelDrift.drift(model, data, month);
            JsonOutput.print(report);
            return failOnAlert && !report.alerts().isEmpty() ? EXIT_DRIFT_ALERT : 0;
        }
    }

    @Command(name = "reference", mixinStandardHelpOptions = true,
            description = "Write reference.csv (the distribution of each input and of the score) for a model trained before drift"
                    + " monitoring, from the table it was trained on.")
    static final class Reference implements Callable<Integer> {
        @Option(names = "--model", required = true, description = "Model directory written by model train.")
        Path model;

        @Option(names = "--data", required = true, description = "The table the model was trained on.")
        Path data;

        @Override
        public Integer call() {
            PopulationReference reference = ModelDrift.writeReference(model, data);
            JsonOutput.print(Map.of("model", model.toString(), "reference", model.resolve(PopulationReference.FILE).toString(),
                    "variables", reference.variables(), "source", reference.source()));
            return 0;
        }
    }

    /** What model train printed: the model, where it went, its training rows and features, and the hold-out metrics. */
    record Trained(String model, String out, int trainRows, int features, Metrics holdout) {
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluate a trained model on a labelled table; prints one JSON object.")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--model", required = true, description = "Model directory written by model train.")
        Path model;

        @Option(names = "--data", required = true, description = "Labelled table.")
        Path data;

        @Option(names = "--target", required = true, description = "Target column.")
        String target;

        @Option(names = "--positive", description = "Target value of the positive class (default: the one the model was trained with).")
        String positive;

        @Option(names = "--segment", split = ",", description = "Columns to break the metrics down by, e.g. province,sizeClass,thinFile.")
        List<String> segments = List.of();

        @Override
        public Integer call() {
            JsonOutput.print(ModelTraining.evaluate(model, data, target, positive, segments));
            return 0;
        }
    }
}
