package org.greencredit.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.engine.RatingEngine;
import org.greencredit.service.rating.FairnessGroupsColumn;
import org.greencredit.service.rating.RatingMapper;
import org.greencredit.service.rating.RatingRepository;
import org.greencredit.service.rating.RatingService;
import org.greencredit.service.rating.StoredRating;
import org.greencredit.service.security.Caller;
import org.greencredit.service.security.Role;
import org.greencredit.service.support.Sha256;
import org.greencredit.service.web.ApiProblem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Group commit of the audit chain: ratings no longer chain their entries under a lock each, yet every rating is in
 * the chain when its call returns, and a crash between a rating's commit and the chaining of its entry cannot leave
 * the rating outside the chain. Whole services on one H2 file.
 */
@Tag("slow")
class AuditGroupCommitTest {
    private static final Caller PIPELINE = new Caller("pipeline-test", Role.PIPELINE, null);

    @TempDir
    Path dir;

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void concurrentRatingsAreEachInTheChainWhenTheirCallReturns() throws Exception {
        try (ConfigurableApplicationContext service = ServiceOnH2File.start(dir)) {
            RatingService ratings = service.getBean(RatingService.class);
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            List<RatingRequest> requests = new ArrayList<>();
            var population = service.getBean(RatingEngine.class).syntheticRequests(77);
            for (int i = 0; i < 200; i++) {
                requests.add(population.get(i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<String>> missing = new ArrayList<>();
            for (RatingRequest request : requests) {
                missing.add(pool.submit(() -> {
                    String id = ratings.rate(request, PIPELINE, null).rating().id();
                    // Asked at once, on the caller's thread: the entry must be chained already, not waiting.
                    long chained = jdbc.sql("select count(*) from audit_entry where subject_id = :id and action = 'RATING_CREATED'")
                            .param("id", id).query(Long.class).single();
                    return chained == 1 ? null : id;
                }));
            }
            pool.shutdown();
            for (Future<String> f : missing) {
                assertThat(f.get()).isNull();
            }
            assertThat(count(jdbc, "select count(*) from audit_pending")).isZero();
            assertThat(count(jdbc, "select count(*) from audit_entry where action = 'RATING_CREATED'")).isEqualTo(200);
            // One chain without gaps: numbers 1..n, each entry's previous hash the one before (verify checks the hashes).
            assertThat(count(jdbc, "select max(seq) - min(seq) + 1 - count(*) from audit_entry")).isZero();
            assertChainIntact(service.getBean(AuditLog.class));
        }
    }

    @Test
    void aRatingIsInTheDatabaseFileWithItsEntryWhenItsCallReturns() throws Exception {
        // The URL asks H2 to write commits ten minutes later: the service's own barrier must have them written at once.
        try (ConfigurableApplicationContext service = ServiceOnH2File.start(dir,
                "spring.datasource.url=" + ServiceOnH2File.url(dir) + ";WRITE_DELAY=600000")) {
            String id = service.getBean(RatingService.class).rate(service.getBean(RatingEngine.class).syntheticRequests(9).get(0), PIPELINE, null)
                    .rating().id();
            // What a process killed now would leave: the file as written so far, copied while the service still runs.
            Path killed = dir.resolve("killed");
            Files.createDirectories(killed);
            Files.copy(dir.resolve("db.mv.db"), killed.resolve("db.mv.db"));
            try (Connection db = DriverManager.getConnection(ServiceOnH2File.url(killed), "sa", "");
                 PreparedStatement found = db.prepareStatement("select (select count(*) from rating where id = ?), "
                         + "(select count(*) from audit_entry where subject_id = ? and action = 'RATING_CREATED')")) {
                found.setString(1, id);
                found.setString(2, id);
                try (ResultSet row = found.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getLong(1)).as("rating").isEqualTo(1);
                    assertThat(row.getLong(2)).as("its chained entry").isEqualTo(1);
                }
            }
        }
    }

    @Test
    void aServiceWhoseDatabaseUserCannotWriteTheH2FileAtOnceRefusesToStart() throws Exception {
        ServiceOnH2File.start(dir).close();
        try (Connection db = DriverManager.getConnection(ServiceOnH2File.url(dir), "sa", "");
             Statement sql = db.createStatement()) {
            // Every right on the service's tables, but not an administrator's: SET WRITE_DELAY and CHECKPOINT are refused.
            sql.execute("create user clerk password 'clerk-password'");
            sql.execute("grant select, insert, update, delete on schema public to clerk");
        }
        Throwable refused = catchThrowable(() -> ServiceOnH2File.start(dir, "spring.datasource.username=clerk",
                "spring.datasource.password=clerk-password").close());
        assertThat(refused).hasStackTraceContaining(
                "IllegalStateException: the database user must be allowed to force committed changes to the H2 file");
    }

    @Test
    void anEntryWhoseTransactionIsStillOpenIsNotTakenForOneChainedElsewhere() throws Exception {
        try (ConfigurableApplicationContext service = ServiceOnH2File.start(dir)) {
            AuditChainer chainer = service.getBean(AuditChainer.class);
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            String subject = "00000000-0000-4000-8000-000000000003";
            new TransactionTemplate(service.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
                chainer.enqueue(new AuditChainer.Unchained(Instant.now(), "pipeline-test", "APPEAL_OPENED", "rating", subject, "in", "out",
                        "{}", "{}"));
                // The chainer's idle look for entries chained by others runs while this entry is not yet visible to it.
                chainer.releaseChainedElsewhere();
            });
            // The commit callback has returned: the entry must be in the chain, not merely no longer waiting.
            assertThat(jdbc.sql("select count(*) from audit_entry where subject_id = :id").param("id", subject).query(Long.class).single())
                    .isEqualTo(1);
        }
    }

    @Test
    void aRatingWhoseEntryWasNotYetChainedWhenTheServiceDiedIsChainedAtTheNextStart() throws Exception {
        String ratingId;
        try (ConfigurableApplicationContext service = ServiceOnH2File.start(dir)) {
            RatingService ratings = service.getBean(RatingService.class);
            ratingId = ratings.rate(service.getBean(RatingEngine.class).syntheticRequests(5).get(0), PIPELINE, null).rating().id();
        }
        // What a crash right after an appeal's correction commits leaves (a rating made in the appeal's transaction): the
        // rating and its waiting entry, committed together, no chain entry yet. Written with plain JDBC while no service runs.
        String crashedId = "00000000-0000-4000-8000-000000000001";
        try (Connection db = DriverManager.getConnection(ServiceOnH2File.url(dir), "sa", "")) {
            db.setAutoCommit(false);
            copyRating(db, ratingId, crashedId);
            try (PreparedStatement pending = db.prepareStatement("""
                    insert into audit_pending (at, actor, action, subject_type, subject_id, input_hash, output_hash, versions, details)
                    select :at, 'pipeline-test', action, subject_type, :id, input_hash, output_hash, versions, details
                    from audit_entry where subject_id = :original
                    """.replace(":at", "?").replace(":id", "?").replace(":original", "?"))) {
                pending.setTimestamp(1, Timestamp.from(Instant.now()));
                pending.setString(2, crashedId);
                pending.setString(3, ratingId);
                assertThat(pending.executeUpdate()).isEqualTo(1);
            }
            db.commit();
        }

        try (ConfigurableApplicationContext service = ServiceOnH2File.start(dir)) {
            assertChainIntact(service.getBean(AuditLog.class));
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            assertThat(count(jdbc, "select count(*) from audit_pending")).isZero();
            assertThat(jdbc.sql("select count(*) from audit_entry where subject_id = :id and action = 'RATING_CREATED'").param("id", crashedId)
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void aRatingWithoutAnyEntryIsNamedByVerify() throws Exception {
        String ratingId;
        try (ConfigurableApplicationContext service = ServiceOnH2File.start(dir)) {
            ratingId = service.getBean(RatingService.class).rate(service.getBean(RatingEngine.class).syntheticRequests(5).get(1), PIPELINE, null)
                    .rating().id();
        }
        // The state group commit rules out: a rating stored with neither an entry nor a waiting one.
        String strayId = "00000000-0000-4000-8000-000000000002";
        try (Connection db = DriverManager.getConnection(ServiceOnH2File.url(dir), "sa", "")) {
            copyRating(db, ratingId, strayId);
        }
        try (ConfigurableApplicationContext service = ServiceOnH2File.start(dir)) {
            AuditLog.Verification verification = service.getBean(AuditLog.class).verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.problem()).isEqualTo("the rating " + strayId + " is in the database but not in the audit chain");
        }
    }

    @Test
    void ratingsQueuedTogetherShareOneRoundAndARetryWithATakenKeyFailsAloneAndIsAnsweredFromTheFirst() throws Exception {
        try (ConfigurableApplicationContext service = ServiceOnH2File.start(dir)) {
            RatingService ratings = service.getBean(RatingService.class);
            AuditChainer chainer = service.getBean(AuditChainer.class);
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            var population = service.getBean(RatingEngine.class).syntheticRequests(9);
            long entriesBefore = count(jdbc, "select count(*) from audit_entry");
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<RatingService.Result>> calls = new ArrayList<>();
            // Holding the chainer's lock keeps every round waiting, so that the three calls are queued for one round: two
            // retries with one key (each saw no earlier use of it), then another firm.
            synchronized (chainer) {
                calls.add(pool.submit(() -> ratings.rate(population.get(0), PIPELINE, "retried-key")));
                awaitQueued(chainer, 1);
                calls.add(pool.submit(() -> ratings.rate(population.get(0), PIPELINE, "retried-key")));
                awaitQueued(chainer, 2);
                calls.add(pool.submit(() -> ratings.rate(population.get(1), PIPELINE, null)));
                awaitQueued(chainer, 3);
            }
            pool.shutdown();
            RatingService.Result first = calls.get(0).get();
            RatingService.Result retry = calls.get(1).get();
            RatingService.Result other = calls.get(2).get();
            // The round failed on the taken key; each action alone again: the retry's rows were not written, and it is
            // answered with the first call's rating.
            assertThat(first.replayed()).isFalse();
            assertThat(retry.replayed()).isTrue();
            assertThat(retry.rating().id()).isEqualTo(first.rating().id());
            assertThat(other.replayed()).isFalse();
            assertThat(count(jdbc, "select count(*) from rating")).isEqualTo(2);
            assertThat(jdbc.sql("select subject_id from audit_entry where action = 'RATING_CREATED' order by seq")
                    .query(String.class).list())
                    .containsExactly(first.rating().id(), other.rating().id());
            assertThat(count(jdbc, "select count(*) from audit_entry")).isEqualTo(entriesBefore + 2);
            assertThat(count(jdbc, "select count(*) from idempotency_key")).isEqualTo(1);
            assertChainIntact(service.getBean(AuditLog.class));
        }
    }

    @Test
    void aRatingWhoseRoundBreaksOffAfterItsRowsWereWrittenLeavesNeitherRowsNorEntry() throws Exception {
        try (ConfigurableApplicationContext service = ServiceOnH2File.start(dir)) {
            AuditLog audit = service.getBean(AuditLog.class);
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            JsonMapper json = service.getBean(JsonMapper.class);
            long entriesBefore = count(jdbc, "select count(*) from audit_entry");
            RatingRequest request = service.getBean(RatingEngine.class).syntheticRequests(9).get(3);
            Rating rating = service.getBean(RatingEngine.class).rate(request);
            byte[] requestJson = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            StoredRating stored = service.getBean(RatingMapper.class).toStored(rating, request, Sha256.hex(requestJson), requestJson,
                    json.writeValueAsString(rating).getBytes(StandardCharsets.UTF_8), FairnessGroupsColumn.of(request));
            // The rating's rows are written, then the round breaks off before its commit, as a crash between the two would.
            AuditedWrite broken = service.getBean(RatingRepository.class).insertion(stored).andThen(database -> {
                assertThat(database.sql("select count(*) from rating where id = :id").param("id", rating.id()).query(Long.class).single())
                        .isEqualTo(1);
                throw new IllegalStateException("cut off after the rows");
            });
            assertThatThrownBy(() -> audit.store(broken, "pipeline-test", "RATING_CREATED", "rating", rating.id(), "in", "out", null, null))
                    .isInstanceOf(IllegalStateException.class).hasMessage("cut off after the rows");
            assertThat(count(jdbc, "select count(*) from rating")).isZero();
            assertThat(count(jdbc, "select count(*) from rating_referral_reason")).isZero();
            assertThat(count(jdbc, "select count(*) from audit_entry")).isEqualTo(entriesBefore);
            assertChainIntact(audit);
        }
    }

    @Test
    void anErrorWhileWritingOneActionReachesItsCallerAndTheChainerGoesOn() throws Exception {
        try (ConfigurableApplicationContext service = ServiceOnH2File.start(dir)) {
            AuditLog audit = service.getBean(AuditLog.class);
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            String subject = "00000000-0000-4000-8000-000000000005";
            AuditedWrite failing = database -> {
                throw new OutOfMemoryError("no heap left for the rows");
            };
            // On another thread, bounded: a round that lost the action would leave its caller waiting for good.
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<?> failed = pool.submit(() -> audit.store(failing, "pipeline-test", "RATING_CREATED", "rating", subject, "in", "out",
                    null, null));
            assertThatThrownBy(() -> failed.get(AuditChainer.WAIT.toSeconds() + 30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(OutOfMemoryError.class)
                    .hasMessage("no heap left for the rows");
            // The chainer's thread survived: the next rating is stored and chained as usual.
            RatingRequest next = service.getBean(RatingEngine.class).syntheticRequests(9).get(4);
            Future<String> rated = pool.submit(() -> service.getBean(RatingService.class).rate(next, PIPELINE, null).rating().id());
            String id = rated.get(AuditChainer.WAIT.toSeconds() + 30, TimeUnit.SECONDS);
            pool.shutdown();
            assertThat(jdbc.sql("select count(*) from audit_entry where subject_id = :id").param("id", id).query(Long.class).single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from audit_entry where subject_id = :id").param("id", subject).query(Long.class).single())
                    .isZero();
        }
    }

    @Test
    void aRatingNoRoundTookWithinTheWaitIsRefusedAndNothingIsStored() throws Exception {
        try (ConfigurableApplicationContext service = ServiceOnH2File.start(dir)) {
            RatingService ratings = service.getBean(RatingService.class);
            AuditChainer chainer = service.getBean(AuditChainer.class);
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            RatingRequest request = service.getBean(RatingEngine.class).syntheticRequests(9).get(2);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<RatingService.Result> call;
            synchronized (chainer) {
                call = pool.submit(() -> ratings.rate(request, PIPELINE, "never-stored"));
                awaitQueued(chainer, 1);
                // Holds every round for longer than a caller waits.
                assertThatThrownBy(() -> call.get(AuditChainer.WAIT.toSeconds() + 30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(ApiProblem.class, problem -> {
                            assertThat(problem.getMessage()).isEqualTo("nothing was stored: the audit chain did not take the"
                                    + " RATING_CREATED within 10 s; send the request again");
                            assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        });
                assertThat(chainer.queuedActions()).isZero();
            }
            pool.shutdown();
            assertThat(count(jdbc, "select count(*) from rating")).isZero();
            assertThat(count(jdbc, "select count(*) from idempotency_key")).isZero();
            assertThat(count(jdbc, "select count(*) from audit_entry where action = 'RATING_CREATED'")).isZero();
            // The key was not used: the same call now stores its rating.
            assertThat(ratings.rate(request, PIPELINE, "never-stored").replayed()).isFalse();
            assertThat(count(jdbc, "select count(*) from rating")).isEqualTo(1);
        }
    }

    private static void assertChainIntact(AuditLog audit) {
        AuditLog.Verification verification = audit.verify();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
    }

    private static void awaitQueued(AuditChainer chainer, int actions) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (chainer.queuedActions() < actions) {
            assertThat(System.nanoTime()).as("%d actions queued within a minute", actions).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** A copy of a stored rating under another id, rated now. */
    private static void copyRating(Connection db, String fromId, String toId) throws Exception {
        try (PreparedStatement copy = db.prepareStatement("""
                insert into rating (id, sme_id, rated_at, outcome, colour, pd, ruleset_version, models_version, factors_version,
                                    input_hash, request_deflated, rating_deflated, green_score, green_grade, carbon_efficiency_level,
                                    credit_grade, limit_cny, rate_discount_bp)
                select ?, sme_id, ?, outcome, colour, pd, ruleset_version, models_version, factors_version, input_hash, request_deflated,
                       rating_deflated, green_score, green_grade, carbon_efficiency_level, credit_grade, limit_cny, rate_discount_bp
                from rating where id = ?
                """)) {
            copy.setString(1, toId);
            copy.setTimestamp(2, Timestamp.from(Instant.now()));
            copy.setString(3, fromId);
            assertThat(copy.executeUpdate()).isEqualTo(1);
        }
    }
}
