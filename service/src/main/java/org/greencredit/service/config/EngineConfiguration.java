package org.greencredit.service.config;

import java.nio.file.Path;
import java.time.Clock;
import org.greencredit.engine.RatingEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One engine for the whole service: it is thread-safe and expensive to build (the KieBase, the models). */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The shipped rules, or, when {@code greencredit.rules.dir} names a directory laid out like the
     * shipped one, those rules, reloaded whenever a file there changes; a broken edit is rejected
     * and the previous rules stay active.
     */
    @Bean(destroyMethod = "close")
    RatingEngine ratingEngine(Clock clock, ServiceSettings settings) {
        String dir = settings.rules().dir();
        return RatingEngine.builder(clock).rulesDirectory(dir.isBlank() ? null : Path.of(dir), settings.rules().reloadSeconds()).build();
    }
}
