package org.greencredit.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The service's settings bind from application.yml once, typed, and a bad value stops start-up naming the property. */
class ServiceSettingsTest {
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ServiceSettings.class)
    static class Settings {
    }

    private static ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withUserConfiguration(Settings.class).withInitializer(context -> {
            try {
                for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
                    context.getEnvironment().getPropertySources().addLast(source);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theShippedApplicationYmlBindsEverySetting() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            ServiceSettings s = context.getBean(ServiceSettings.class);
            assertThat(s.api().maxBodyBytes()).isEqualTo(2_097_152);
            assertThat(s.session().hours()).isEqualTo(8);
            assertThat(s.passwords().bcryptCost()).isEqualTo(10);
            assertThat(s.rateLimit().smePerMinute()).isEqualTo(60);
            assertThat(s.rateLimit().anonymousPerMinute()).isEqualTo(30);
            assertThat(s.rateLimit().signInFailuresPerAddress()).isEqualTo(20);
            assertThat(s.rateLimit().signInFailuresPerAccount()).isEqualTo(5);
            assertThat(s.rateLimit().signInLockMinutes()).isEqualTo(15);
            assertThat(s.override().fourEyesAboveCny()).isEqualTo(300_000);
            assertThat(s.override().maxRateDiscountBp()).isEqualTo(100);
            assertThat(s.admin().username()).isEqualTo("admin");
            assertThat(s.demo().count()).isEqualTo(20);
            assertThat(s.demo().seed()).isEqualTo(2024);
            assertThat(s.rules().dir()).isEmpty();
            assertThat(s.rules().reloadSeconds()).isEqualTo(5);
            assertThat(s.batch().threads()).isEqualTo(2);
        });
    }

    @Test
    void aSessionOfZeroHoursStopsStartUpNamingTheProperty() {
        runner().withPropertyValues("greencredit.session.hours=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("greencredit.session.hours");
        });
    }

    @Test
    void aBcryptCostBelowBcryptsRangeStopsStartUpNamingTheProperty() {
        runner().withPropertyValues("greencredit.passwords.bcrypt-cost=3").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("greencredit.passwords.bcryptCost");
        });
    }

    @Test
    void aNegativeFourEyesLimitStopsStartUpNamingTheProperty() {
        runner().withPropertyValues("greencredit.override.four-eyes-above-cny=-1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("greencredit.override.fourEyesAboveCny");
        });
    }

    @Test
    void aTextWhereANumberBelongsStopsStartUpNamingTheProperty() {
        runner().withPropertyValues("greencredit.batch.threads=many").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("greencredit.batch.threads");
        });
    }
}
