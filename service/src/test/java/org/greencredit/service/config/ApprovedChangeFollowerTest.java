package org.greencredit.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.greencredit.engine.RatingEngine;
import org.greencredit.models.registry.ModelRegistry;
import org.greencredit.service.StagedRuleset;
import org.greencredit.service.audit.ServiceOnH2File;
import org.greencredit.service.models.ModelChange;
import org.greencredit.service.models.ModelChangeRequest;
import org.greencredit.service.models.ModelGovernance;
import org.greencredit.service.rulesets.RulesetChange;
import org.greencredit.service.rulesets.RulesetGovernance;
import org.greencredit.service.rulesets.RulesetProposal;
import org.greencredit.service.security.Caller;
import org.greencredit.service.security.Role;
import org.greencredit.service.support.DecisionNote;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two whole services on one database, sharing the model registry and the rules' staging directory: a change approved on
 * one is in force on the other once it looks, and a change whose files do not load there leaves its models as they
 * were, audited once.
 */
@Tag("slow")
class ApprovedChangeFollowerTest {
    private static final Caller ADMIN = new Caller("admin", Role.ADMIN, null);
    private static final Caller SECOND_ADMIN = new Caller("admin2", Role.ADMIN, null);
    /** Longer than a test: the instance looks only when the test makes it. */
    private static final String NEVER_BY_ITSELF = "3600000";

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(String database, String followMillis) {
        return ServiceOnH2File.start(dir, "spring.datasource.url=" + database, "greencredit.models.dir=" + dir.resolve("models"),
                "greencredit.rules.staging-dir=" + dir.resolve("staging"), "greencredit.governance.follow-millis=" + followMillis);
    }

    private static String sharedDatabase() {
        return "jdbc:h2:mem:follow-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    /** The shipped champion copied as {@code name} with its own version, so that it scores as the shipped one. */
    private void copyOfShippedChampion(String name) throws IOException {
        Path registry = dir.resolve("models");
        ModelRegistry.open(registry);
        Path copy = registry.resolve(name);
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(registry.resolve("scorecard-v1"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Path properties = copy.resolve("model.properties");
        Files.writeString(properties, Files.readString(properties).replaceFirst("(?m)^version=.*$", "version=" + name));
    }

    private static List<String> audited(ConfigurableApplicationContext service, String action) {
        return service.getBean(JdbcClient.class).sql("select subject_id from audit_entry where action = :action order by seq")
                .param("action", action).query(String.class).list();
    }

    private static String champion(ConfigurableApplicationContext service) {
        return service.getBean(RatingEngine.class).creditModels().champion().version();
    }

    private static String approveModels(ConfigurableApplicationContext service, String champion) {
        ModelGovernance governance = service.getBean(ModelGovernance.class);
        ModelChange proposed = governance.propose(new ModelChangeRequest(champion, "scorecard-thin-v1", null, "the bank's own scorecard"), ADMIN);
        return governance.approve(proposed.id(), new DecisionNote("card read"), SECOND_ADMIN).id();
    }

    @Test
    void aModelChangeApprovedOnOneInstanceIsInForceOnTheOtherAndOneThatCannotLoadThereIsAuditedOnce() throws IOException {
        copyOfShippedChampion("bank-card-3");
        copyOfShippedChampion("bank-card-4");
        String database = sharedDatabase();
        try (ConfigurableApplicationContext first = start(database, NEVER_BY_ITSELF);
             ConfigurableApplicationContext second = start(database, NEVER_BY_ITSELF)) {
            String change = approveModels(first, "bank-card-3");
            assertThat(champion(first)).isEqualTo("bank-card-3");
            assertThat(champion(second)).as("before the second instance looks").isEqualTo("scorecard-v1");

            second.getBean(ApprovedChangeFollower.class).follow();
            assertThat(champion(second)).isEqualTo("bank-card-3");
            second.getBean(ApprovedChangeFollower.class).follow();
            first.getBean(ApprovedChangeFollower.class).follow();
            assertThat(audited(second, "MODEL_CHANGE_FOLLOWED")).as("once, by the instance that followed").containsExactly(change);

            // The next change's scorecard is gone from the shared directory by the time the second instance looks.
            String unloadable = approveModels(first, "bank-card-4");
            Files.delete(dir.resolve("models").resolve("bank-card-4").resolve("scorecard.csv"));
            second.getBean(ApprovedChangeFollower.class).follow();
            second.getBean(ApprovedChangeFollower.class).follow();
            assertThat(champion(second)).as("the models in use stay").isEqualTo("bank-card-3");
            assertThat(audited(second, "MODEL_CHANGE_NOT_FOLLOWED")).containsExactly(unloadable);
        }
    }

    @Test
    void aRulesetApprovedOnOneInstanceIsInForceOnTheOtherWithinItsInterval() throws IOException, InterruptedException {
        StagedRuleset.copyShipped(dir.resolve("staging").resolve("next"), "2026.12-followed", "");
        String database = sharedDatabase();
        try (ConfigurableApplicationContext first = start(database, NEVER_BY_ITSELF);
             ConfigurableApplicationContext second = start(database, "200")) {
            RulesetGovernance governance = first.getBean(RulesetGovernance.class);
            RulesetChange proposed = governance.propose(new RulesetProposal("next", "the same rules under a new version"), ADMIN);
            governance.approve(proposed.id(), "read", SECOND_ADMIN);
            assertThat(first.getBean(RatingEngine.class).versions().ruleset()).startsWith("2026.12-followed");

            // The second instance looks every 200 ms by itself; a minute is far more than it needs.
            RatingEngine secondEngine = second.getBean(RatingEngine.class);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!secondEngine.versions().ruleset().startsWith("2026.12-followed") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(secondEngine.versions().ruleset()).startsWith("2026.12-followed");
        }
    }
}
