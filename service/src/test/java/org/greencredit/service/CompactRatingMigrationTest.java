package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.greencredit.core.rating.Outcome;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.SyntheticRequests;
import org.greencredit.service.audit.ServiceOnH2File;
import org.greencredit.service.rating.RatingService;
import org.greencredit.service.rating.RatingSummary;
import org.greencredit.service.security.Caller;
import org.greencredit.service.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ratings stored as JSON text before the compact storage (schema version 7) are migrated, on H2 and on PostgreSQL: read
 * back byte for byte, listed from the summary columns with the values of their JSON, and queued by referral reason.
 */
@Tag("slow")
class CompactRatingMigrationTest {
    private static final Caller OFFICER = new Caller("officer-test", Role.OFFICER, null);
    private static final int RATINGS = 40;
    /** More than two of the migration's pages of 200 rows. */
    private static final int FILLERS = 450;
    /** The old rows: request JSON and rating, as the service stored them under schema version 7. */
    private static final Map<String, String> REQUEST_JSON = new LinkedHashMap<>();
    private static final Map<String, Rating> RATINGS_BY_ID = new LinkedHashMap<>();
    private static final Map<String, String> RATING_JSON = new LinkedHashMap<>();
    private static RatingEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void rateTheOldRows() {
        // As the service rates: times in microseconds, which both databases store exactly.
        engine = RatingEngine.standard(Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)));
        SyntheticRequests population = engine.syntheticRequests(16);
        for (int i = 0; i < RATINGS; i++) {
            RatingRequest request = population.get(i);
            Rating rating = engine.rate(request);
            REQUEST_JSON.put(rating.id(), GreenCreditJson.mapper().writeValueAsString(request));
            RATING_JSON.put(rating.id(), GreenCreditJson.mapper().writeValueAsString(rating));
            RATINGS_BY_ID.put(rating.id(), rating);
        }
        // What the checks below rely on: referred ratings with reasons, and ratings without a carbon efficiency level.
        assertThat(RATINGS_BY_ID.values()).anyMatch(r -> r.decision().referralReasons().size() >= 2);
        assertThat(RATINGS_BY_ID.values()).anyMatch(r -> r.green().carbonEfficiencyLevel() == null);
        assertThat(RATINGS_BY_ID.values()).anyMatch(r -> r.green().carbonEfficiencyLevel() != null);
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void ratingsStoredAsTextOnH2AreMigrated() throws Exception {
        String url = ServiceOnH2File.url(dir);
        storeAtVersion7(url, "sa", "");
        try (ConfigurableApplicationContext service = ServiceOnH2File.start(dir)) {
            assertMigrated(service);
        }
    }

    @Test
    void ratingsStoredAsTextOnPostgresqlAreMigrated() throws Exception {
        String url = EmbeddedPostgresDatabase.newDatabase("migration_from_v7");
        storeAtVersion7(url, "postgres", "");
        try (ConfigurableApplicationContext service = ServiceOnH2File.start(dir, "spring.datasource.url=" + url,
                "spring.datasource.username=postgres", "spring.datasource.password=")) {
            assertMigrated(service);
        }
    }

    @Test
    void aStoredRatingWithoutAValueTheListsNeedStopsTheMigrationNamingIt() throws Exception {
        String url = ServiceOnH2File.url(dir);
        storeAtVersion7(url, "sa", "");
        String id = RATING_JSON.keySet().iterator().next();
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             PreparedStatement damage = db.prepareStatement("update rating set rating_json = ? where id = ?")) {
            damage.setString(1, RATING_JSON.get(id).replaceFirst("\"grade\":\"[A-Z]+\",\"modelVersion\"", "\"modelVersion\""));
            damage.setString(2, id);
            assertThat(damage.executeUpdate()).isEqualTo(1);
        }
        assertThatThrownBy(() -> ServiceOnH2File.start(dir).close())
                .rootCause().hasMessage("rating " + id + " cannot be stored compactly: its JSON has no credit.grade");
        // Flyway rolled the step back: the rating is still there as text, to be mended and migrated again.
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             ResultSet kept = db.createStatement().executeQuery("select count(*) from rating where rating_json is not null")) {
            assertThat(kept.next()).isTrue();
            assertThat(kept.getLong(1)).isEqualTo(RATINGS + FILLERS);
        }
    }

    private static void storeAtVersion7(String url, String user, String password) throws Exception {
        Flyway.configure().dataSource(url, user, password).target("7").load().migrate();
        try (Connection db = DriverManager.getConnection(url, user, password);
             PreparedStatement insert = db.prepareStatement("""
                     insert into rating (id, sme_id, rated_at, outcome, colour, pd, ruleset_version, models_version, factors_version,
                                         input_hash, request_json, rating_json)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                     """)) {
            for (Rating r : RATINGS_BY_ID.values()) {
                insert.setString(1, r.id());
                insert.setString(2, r.smeId());
                insert.setTimestamp(3, Timestamp.from(r.ratedAt()));
                insert.setString(4, r.decision().outcome().name());
                insert.setString(5, r.green().colour().name());
                insert.setDouble(6, r.credit().pd());
                insert.setString(7, r.explanation().versions().ruleset());
                insert.setString(8, r.explanation().versions().models());
                insert.setString(9, r.explanation().versions().factors());
                insert.setString(10, "0".repeat(64));
                insert.setString(11, REQUEST_JSON.get(r.id()));
                insert.setString(12, RATING_JSON.get(r.id()));
                insert.addBatch();
            }
            // Fillers, so that the migration goes through several pages of rows.
            for (int i = 0; i < FILLERS; i++) {
                insert.setString(1, String.format("00000000-0000-4000-8000-%012d", i));
                insert.setString(2, "FILLER" + i);
                insert.setTimestamp(3, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")));
                insert.setString(4, "APPROVE");
                insert.setString(5, "YELLOW");
                insert.setDouble(6, 0.01);
                insert.setString(7, "r");
                insert.setString(8, "m");
                insert.setString(9, "f");
                insert.setString(10, "0".repeat(64));
                insert.setString(11, "{}");
                insert.setString(12, """
                        {"green":{"score":40,"grade":"C","carbonEfficiencyLevel":null},"credit":{"grade":"A"},
                         "decision":{"limitCny":1000.0,"rateDiscountBp":0,"referralReasons":["FILLER_REASON"]}}""");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void assertMigrated(ConfigurableApplicationContext service) {
        RatingService ratings = service.getBean(RatingService.class);
        for (Rating r : RATINGS_BY_ID.values()) {
            assertThat(ratings.findJson(r.id(), OFFICER)).isEqualTo(RATING_JSON.get(r.id()));
            assertThat(ratings.request(r.id(), OFFICER)).isEqualTo(REQUEST_JSON.get(r.id()));
            assertThat(ratings.history(r.smeId(), 10, OFFICER)).containsExactly(summaryOf(r));
        }
        List<String> reasons = RATINGS_BY_ID.values().stream().flatMap(r -> r.decision().referralReasons().stream()).distinct().toList();
        assertThat(reasons).hasSizeGreaterThanOrEqualTo(2);
        for (String reason : reasons) {
            List<RatingSummary> expected = RATINGS_BY_ID.values().stream()
                    .filter(r -> r.decision().outcome() == Outcome.REFER && r.decision().referralReasons().contains(reason))
                    .sorted(Comparator.comparing(Rating::ratedAt).thenComparing(Rating::id)).map(CompactRatingMigrationTest::summaryOf).toList();
            assertThat(ratings.openReferrals(null, reason, 1_000)).as(reason).containsExactlyElementsOf(expected);
        }
        JdbcClient jdbc = service.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from rating_referral_reason where reason = 'FILLER_REASON'").query(Long.class).single())
                .isEqualTo(FILLERS);
        assertThat(ratings.history("FILLER" + (FILLERS - 1), 10, OFFICER)).singleElement()
                .satisfies(line -> assertThat(line.greenScore() + " " + line.creditGrade() + " " + line.carbonEfficiencyLevel()).isEqualTo("40 A null"));
        assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name = 'rating' and column_name in ('request_json', 'rating_json')")
                .query(Long.class).single()).isZero();
    }

    /**
     * The history line of a rating, field by field from the rating itself; stored before V13, it has no firm name or amount
     * asked for, and no override waits on it.
     */
    private static RatingSummary summaryOf(Rating r) {
        return new RatingSummary(r.id(), r.smeId(), null, r.ratedAt(), r.green().score(), r.green().grade(), r.green().colour().name(),
                r.green().carbonEfficiencyLevel(), r.credit().pd(), r.credit().grade(), r.decision().outcome().name(), r.decision().limitCny(),
                null, r.decision().rateDiscountBp(), new ArrayList<>(r.decision().referralReasons()), false);
    }
}
