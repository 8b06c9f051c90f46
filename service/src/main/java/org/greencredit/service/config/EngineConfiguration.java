package org.greencredit.service.config;

import java.time.Clock;
import org.greencredit.engine.RatingEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One engine for the whole service: it is immutable, thread-safe and expensive to build (the KieBase). */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RatingEngine ratingEngine(Clock clock) {
        return RatingEngine.standard(clock);
    }
}
