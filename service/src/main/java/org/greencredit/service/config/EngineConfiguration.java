package org.greencredit.service.config;

import java.time.Clock;
import java.nio.file.Path;
import org.greencredit.engine.RatingEngine;
import org.greencredit.rules.engine.Ruleset;
import org.greencredit.rules.engine.RulesetRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One engine for the whole service: it is immutable, thread-safe and expensive to build (the KieBase). */
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
    RulesetRegistry rulesetRegistry(@Value("${greencredit.rules.dir:}") String dir,
                                    @Value("${greencredit.rules.reload-seconds:5}") long reloadSeconds) {
        RulesetRegistry registry = new RulesetRegistry(Ruleset.shipped());
        if (!dir.isBlank()) {
            registry.watch(Path.of(dir), reloadSeconds);
        }
        return registry;
    }

    @Bean
    RatingEngine ratingEngine(Clock clock, RulesetRegistry rules) {
        return RatingEngine.standard(clock, rules);
    }
}
