package org.greencredit.service.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.greencredit.engine.RatingEngine;
import org.greencredit.models.registry.ModelRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One engine for the whole service: it is thread-safe and expensive to build (the KieBase, the models). */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {
    /**
     * Ticks in microseconds, the finest time both H2 and PostgreSQL store: a rating's time in its JSON and in the
     * rating table's column (what history and referral lists show) are then the same instant.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /**
     * The shipped rules, or, when {@code greencredit.rules.dir} names a directory laid out like the
     * shipped one, those rules, reloaded whenever a file there changes; a broken edit is rejected
     * and the previous rules stay active.
     */
    @Bean(destroyMethod = "close")
    RatingEngine ratingEngine(Clock clock, ServiceSettings settings, ModelRegistrySetting models) {
        String dir = settings.rules().dir();
        RatingEngine.Builder builder = RatingEngine.builder(clock).rulesDirectory(dir.isBlank() ? null : Path.of(dir),
                settings.rules().reloadSeconds());
        models.registry().ifPresent(r -> builder.creditModels(r.load()));
        return builder.build();
    }

    /**
     * The model registry named by {@code greencredit.models.dir}, whose active models the engine starts with; none (the
     * shipped models, fixed) when the setting is empty. A registry whose active models cannot run stops the start,
     * naming the model and the problem.
     */
    @Bean
    ModelRegistrySetting modelRegistry(ServiceSettings settings) {
        String dir = settings.models().dir();
        return new ModelRegistrySetting(dir.isBlank() ? null : ModelRegistry.open(Path.of(dir)));
    }
}
