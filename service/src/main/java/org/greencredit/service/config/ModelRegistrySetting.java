package org.greencredit.service.config;

import java.util.Optional;
import org.greencredit.models.registry.ModelRegistry;

/** The model registry the service was started on ({@code greencredit.models.dir}), or none: the shipped models, fixed. */
public record ModelRegistrySetting(ModelRegistry registryOrNull) {
    public Optional<ModelRegistry> registry() {
        return Optional.ofNullable(registryOrNull);
    }
}
