package org.greencredit.service;

import org.greencredit.service.rating.RatingRepository;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The service on a random port with an in-memory database, and a plain HTTP client to call it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class ApiTestSupport {
    @LocalServerPort
    int port;

    @Autowired
    RatingRepository repository;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }
}
