package org.greencredit.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The GreenCredit service: REST API, persistence and pages around the rating engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GreenCreditApplication {
    public static void main(String[] args) {
        SpringApplication.run(GreenCreditApplication.class, args);
    }
}
