package org.greencredit.service.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {
    @Bean
    OpenAPI greenCreditOpenApi() {
        return new OpenAPI().info(new Info()
                .title("GreenCredit API")
                .version("v1")
                .description("Explainable green rating and loan decisions for SMEs and farmers. Every rating lists the rules "
                        + "that fired, the model contributions, at most four principal reasons, what would raise it, what could "
                        + "not be assessed, and the versions used. Errors are application/problem+json naming each bad field.")
                .license(new License().name("Apache-2.0")));
    }
}
