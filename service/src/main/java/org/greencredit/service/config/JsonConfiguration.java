package org.greencredit.service.config;

import org.greencredit.datasets.io.GreenCreditJson;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The API reads and writes JSON exactly as the CLI does (strict input, same field order), so a
 * rating prints the same bytes from either. Applied last, over Boot's lenient defaults.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    JsonMapperBuilderCustomizer greenCreditJson() {
        return GreenCreditJson::configure;
    }
}
