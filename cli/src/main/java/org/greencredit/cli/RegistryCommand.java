package org.greencredit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.greencredit.models.registry.CreditModels;
import org.greencredit.models.registry.ModelRegistry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code model registry}: what a model registry holds, and which of its models are active. */
@Command(name = "registry", mixinStandardHelpOptions = true, subcommands = {RegistryCommand.List.class, RegistryCommand.Activate.class},
        description = "A model registry: one directory per model as model train writes it, and registry.properties naming the champion,"
                + " the thin-file scorecard and the challenger. A service running on the registry changes them with two administrators"
                + " (POST /api/v1/models/changes); these commands are for registries that batch runs (rate --models-dir) use.")
final class RegistryCommand {
    private RegistryCommand() {
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print the active models and every model of the registry with its card (data hash, rows, hold-out AUC) and"
                    + " whether it can run in the engine, as JSON. An empty or new directory starts with the shipped models.")
    static final class List implements Callable<Integer> {
        @Option(names = "--models-dir", required = true, paramLabel = "DIR", description = "The registry.")
        Path dir;

        record Listing(String registry, ModelRegistry.Active active, java.util.List<ModelRegistry.Entry> models) {
        }

        @Override
        public Integer call() {
            ModelRegistry registry = ModelRegistry.open(dir);
            JsonOutput.print(new Listing(dir.toString(), registry.active(), registry.models()));
            return 0;
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true,
            description = "Make models active after loading and checking them (the champion and thin-file scorecard must be points"
                    + " scorecards; every model may read only features a rating computes); prints the models now active.")
    static final class Activate implements Callable<Integer> {
        @Option(names = "--models-dir", required = true, paramLabel = "DIR", description = "The registry.")
        Path dir;

        @Option(names = "--champion", paramLabel = "NAME", description = "Model directory of the champion (default: unchanged).")
        String champion;

        @Option(names = "--thin-file", paramLabel = "NAME", description = "Model directory of the thin-file scorecard (default: unchanged).")
        String thinFile;

        @ArgGroup(exclusive = true)
        Challenger challenger;

        static final class Challenger {
            @Option(names = "--challenger", paramLabel = "NAME", description = "Model directory of the challenger, scored in shadow.")
            String name;

            @Option(names = "--no-challenger", description = "Run no challenger.")
            boolean none;
        }

        @Override
        public Integer call() {
            ModelRegistry registry = ModelRegistry.open(dir);
            ModelRegistry.Active now = registry.active();
            ModelRegistry.Active next = new ModelRegistry.Active(champion != null ? champion : now.champion(),
                    thinFile != null ? thinFile : now.thinFile(),
                    challenger == null ? now.challenger() : challenger.none ? null : challenger.name);
            CreditModels models = registry.activate(next);
            JsonOutput.print(new ActiveModels(next, models.versions()));
            return 0;
        }

        record ActiveModels(ModelRegistry.Active active, java.util.List<String> versions) {
        }
    }
}
