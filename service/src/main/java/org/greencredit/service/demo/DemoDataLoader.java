package org.greencredit.service.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.SyntheticRequests;
import org.greencredit.service.config.ServiceSettings;
import org.greencredit.service.rating.RatingRepository;
import org.greencredit.service.rating.RatingService;
import org.greencredit.service.security.Caller;
import org.greencredit.service.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates (or resets) the demo accounts on every start and, on the first start (empty database),
 * rates the example SME of the README and a seeded synthetic population, so that the pages and the
 * API have something to show.
 */
@Component
@ConditionalOnProperty(name = "greencredit.demo.enabled", havingValue = "true", matchIfMissing = true)
public class DemoDataLoader implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
    public static final String EXAMPLE_REQUEST = "/static/demo/example-request.json";

    /** The demo data is rated in the name of the loader, which the audit log records. */
    private static final Caller LOADER = new Caller("demo-loader", Role.ADMIN, null);

    private final RatingService ratings;
    private final RatingEngine engine;
    private final DemoAccounts demoAccounts;
    private final RatingRepository repository;
    private final JsonMapper json;
    private final int count;
    private final long seed;

    public DemoDataLoader(RatingService ratings, RatingEngine engine, DemoAccounts demoAccounts, RatingRepository repository, JsonMapper json,
                          ServiceSettings settings) {
        this.ratings = ratings;
        this.engine = engine;
        this.demoAccounts = demoAccounts;
        this.repository = repository;
        this.json = json;
        this.count = settings.demo().count();
        this.seed = settings.demo().seed();
    }

    @Override
    public void run(ApplicationArguments args) {
        // Accounts on every start, so that a database from before accounts existed can be signed into.
        demoAccounts.create();
        if (repository.count() > 0) {
            return;
        }
        ratings.rate(exampleRequest(json), LOADER, null);
        SyntheticRequests population = engine.syntheticRequests(seed);
        for (int i = 0; i < count; i++) {
            ratings.rate(population.get(i), LOADER, null);
        }
        LOG.info("demo data: rated the example SME and {} synthetic SMEs and farms (seed {})", count, seed);
    }

    public static RatingRequest exampleRequest(JsonMapper json) {
        try (InputStream in = DemoDataLoader.class.getResourceAsStream(EXAMPLE_REQUEST)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLE_REQUEST + " is missing from the classpath");
            }
            return json.readValue(in, RatingRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
