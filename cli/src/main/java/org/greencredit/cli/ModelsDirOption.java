package org.greencredit.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.greencredit.engine.RatingEngine;
import org.greencredit.models.registry.ModelRegistry;
import picocli.CommandLine.Option;

/** {@code --models-dir}: rate with a model registry's active models (champion, thin-file scorecard, challenger) instead of the shipped ones. */
final class ModelsDirOption {
    @Option(names = "--models-dir", paramLabel = "DIR",
            description = "Model registry to rate with: its registry.properties names the champion, thin-file scorecard and challenger"
                    + " (scored in shadow). An empty or new directory starts with the shipped models.")
    Path modelsDir;

    /** The engine with the registry's active models, or the shipped engine without {@code --models-dir}. */
    RatingEngine engine() {
        RatingEngine.Builder builder = RatingEngine.builder(Clock.systemUTC());
        if (modelsDir != null) {
            builder.creditModels(ModelRegistry.open(modelsDir).load());
        }
        return builder.build();
    }
}
