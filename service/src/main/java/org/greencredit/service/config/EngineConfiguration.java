package org.greencredit.service.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.greencredit.engine.RatingEngine;
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
    RatingEngine ratingEngine(Clock clock, ServiceSettings settings) {
        String dir = settings.rules().dir();
        return RatingEngine.builder(clock).rulesDirectory(dir.isBlank() ? null : Path.of(dir), settings.rules().reloadSeconds()).build();
    }
}
