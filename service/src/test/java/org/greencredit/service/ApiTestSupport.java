package org.greencredit.service;

import java.util.ArrayList;
import java.util.List;
import org.greencredit.engine.RatingEngine;
import org.greencredit.service.rating.RatingRepository;
import org.greencredit.service.security.Accounts;
import org.greencredit.service.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The service on a random port with an in-memory database, accounts of every role, and plain HTTP
 * clients to call it: {@code api} as a pipeline, the others as named people or as nobody.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class ApiTestSupport {
    static final String PASSWORD = "test-password";
    static final String PIPELINE_KEY = "test-pipeline-key";
    /** The firms the two SME accounts own. */
    static final String SME_A = "91330800MA2B0000AA";
    static final String SME_B = "91330800MA2B0000BB";

    @LocalServerPort
    int port;

    @Autowired
    RatingRepository repository;

    @Autowired
    Accounts accounts;

    /** The service's own engine: its synthetic requests and its live rules and models. */
    @Autowired
    RatingEngine engine;

    ApiClient api;
    ApiClient anonymous;
    ApiClient officer;
    ApiClient secondOfficer;
    ApiClient admin;
    /** A second administrator, for the four-eyes steps of model and rule changes. */
    ApiClient secondAdmin;
    ApiClient smeA;
    ApiClient smeB;

    @BeforeEach
    void clients() {
        if (!accounts.exists("sme-b")) {
            accounts.putApiKey("test-pipeline", PIPELINE_KEY);
            accounts.putUser("officer", PASSWORD, Role.OFFICER, null);
            accounts.putUser("officer2", PASSWORD, Role.OFFICER, null);
            accounts.putUser("admin", PASSWORD, Role.ADMIN, null);
            accounts.putUser("admin2", PASSWORD, Role.ADMIN, null);
            accounts.putUser("sme-a", PASSWORD, Role.SME, SME_A);
            accounts.putUser("sme-b", PASSWORD, Role.SME, SME_B);
        }
        anonymous = ApiClient.anonymous(port);
        api = anonymous.withApiKey(PIPELINE_KEY);
        officer = anonymous.as("officer", PASSWORD);
        secondOfficer = anonymous.as("officer2", PASSWORD);
        admin = anonymous.as("admin", PASSWORD);
        secondAdmin = anonymous.as("admin2", PASSWORD);
        smeA = anonymous.as("sme-a", PASSWORD);
        smeB = anonymous.as("sme-b", PASSWORD);
    }

    /** Every audit entry's action and subject, as an officer reads the chain. */
    List<String> auditTrail() {
        List<String> actions = new ArrayList<>();
        for (JsonNode e : officer.get("/api/v1/audit?limit=1000").json()) {
            actions.add(e.get("action").asString() + " " + e.get("subjectId").asString());
        }
        return actions;
    }
}
