package org.greencredit.service.config;

import org.apache.catalina.core.StandardHost;
import org.greencredit.service.web.ProblemJsonErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tomcat's own errors (refused before any servlet runs) as problem+json, like the API's. */
@Configuration(proxyBeanMethods = false)
public class ContainerErrorsConfiguration {
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonForContainerErrors() {
        // The host creates its error report valve from this class name when it starts, after the context is prepared.
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
            }
        });
    }
}
