package org.greencredit.service.rating;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.greencredit.service.audit.AuditLog;
import org.greencredit.service.audit.AuditedWrite;
import org.greencredit.service.support.DeflatedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Ratings in the database: written once, never updated. The request and the rating are stored as deflated JSON and
 * read back byte for byte; lists read the summary columns only.
 */
@Repository
public class RatingRepository {
    private final JdbcClient jdbc;

    public RatingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The rows of a new rating, to be written with its audit entry ({@link AuditLog#store}); the request and the rating are
     * deflated here, on the calling thread, so that the write itself is short.
     */
    public AuditedWrite insertion(StoredRating r) {
        byte[] request = DeflatedText.deflate(r.requestJson());
        byte[] rating = DeflatedText.deflate(r.ratingJson());
        return database -> insert(database, r, request, rating);
    }

    private static void insert(JdbcClient database, StoredRating r, byte[] request, byte[] rating) {
        RatingSummary summary = r.summary();
        database.sql("""
                insert into rating (id, sme_id, rated_at, outcome, colour, pd, ruleset_version, models_version, factors_version,
                                    input_hash, request_deflated, rating_deflated, green_score, green_grade, carbon_efficiency_level,
                                    credit_grade, limit_cny, rate_discount_bp, credit_model, challenger_model, challenger_pd,
                                    challenger_grade, fairness_groups, sme_name, requested_cny)
                values (:id, :smeId, :ratedAt, :outcome, :colour, :pd, :ruleset, :models, :factors, :inputHash, :request, :rating,
                        :greenScore, :greenGrade, :carbonLevel, :creditGrade, :limitCny, :discountBp, :creditModel, :challengerModel,
                        :challengerPd, :challengerGrade, :fairnessGroups, :smeName, :requestedCny)
                """)
                .param("id", summary.id()).param("smeId", summary.smeId()).param("ratedAt", Timestamp.from(summary.ratedAt()))
                .param("outcome", summary.outcome()).param("colour", summary.colour()).param("pd", summary.pd())
                .param("ruleset", r.rulesetVersion()).param("models", r.modelsVersion()).param("factors", r.factorsVersion())
                .param("inputHash", r.inputHash()).param("request", request)
                .param("rating", rating).param("greenScore", summary.greenScore())
                .param("greenGrade", summary.greenGrade()).param("carbonLevel", summary.carbonEfficiencyLevel(), Types.INTEGER)
                .param("creditGrade", summary.creditGrade()).param("limitCny", summary.limitCny())
                .param("discountBp", summary.rateDiscountBp())
                .param("creditModel", r.creditModel())
                .param("challengerModel", r.challenger() == null ? null : r.challenger().modelVersion(), Types.VARCHAR)
                .param("challengerPd", r.challenger() == null ? null : r.challenger().pd(), Types.DOUBLE)
                .param("challengerGrade", r.challenger() == null ? null : r.challenger().grade(), Types.VARCHAR)
                .param("fairnessGroups", r.fairnessGroups())
                .param("smeName", summary.smeName(), Types.VARCHAR).param("requestedCny", summary.requestedCny(), Types.DOUBLE)
                .update();
        List<String> reasons = summary.referralReasons();
        for (int i = 0; i < reasons.size(); i++) {
            database.sql("insert into rating_referral_reason (rating_id, ordinal, reason) values (:rating, :ordinal, :reason)")
                    .param("rating", summary.id()).param("ordinal", i).param("reason", reasons.get(i)).update();
        }
    }

    public Optional<String> findRatingJson(String id) {
        return jdbc.sql("select rating_deflated from rating where id = :id").param("id", id)
                .query((rs, n) -> DeflatedText.inflate(rs.getBytes(1))).optional();
    }

    /** A rating as stored and its SME, for the rating's owner and officers. */
    public record StoredRatingJson(String smeId, String ratingJson) {
    }

    public Optional<StoredRatingJson> findRatingJsonWithSme(String id) {
        return jdbc.sql("select sme_id, rating_deflated from rating where id = :id").param("id", id)
                .query((rs, n) -> new StoredRatingJson(rs.getString(1), DeflatedText.inflate(rs.getBytes(2)))).optional();
    }

    /** The rated request and its SME, for the rating's owner and officers. */
    public record StoredRequest(String smeId, String requestJson) {
    }

    public Optional<StoredRequest> findRequest(String ratingId) {
        return jdbc.sql("select sme_id, request_deflated from rating where id = :id").param("id", ratingId)
                .query((rs, n) -> new StoredRequest(rs.getString(1), DeflatedText.inflate(rs.getBytes(2)))).optional();
    }

    /** The requests of the latest {@code limit} ratings, newest first, as stored (JSON): a sample of what the service rates now. */
    public List<String> latestRequests(int limit) {
        return jdbc.sql("select request_deflated from rating order by rated_at desc, id limit :limit").param("limit", limit)
                .query((rs, n) -> DeflatedText.inflate(rs.getBytes(1))).list();
    }

    private static final String SUMMARY_COLUMNS = """
            r.id, r.sme_id, r.rated_at, r.green_score, r.green_grade, r.colour, r.carbon_efficiency_level, r.pd, r.credit_grade,
            r.outcome, r.limit_cny, r.rate_discount_bp, r.sme_name, r.requested_cny,
            exists (select 1 from rating_override o where o.rating_id = r.id and o.status = 'PENDING_SECOND_APPROVAL') as pending_override""";

    /** The SME's ratings, newest first, from the summary columns. */
    public List<RatingSummary> findSummariesBySme(String smeId, int limit) {
        return withReasons(jdbc.sql("select " + SUMMARY_COLUMNS + " from rating r where r.sme_id = :smeId order by r.rated_at desc, r.id limit :limit")
                .param("smeId", smeId).param("limit", limit).query(RatingRepository::summaryWithoutReasons).list());
    }

    /**
     * Referred ratings no officer has settled yet (no applied override), oldest first; optionally only
     * one colour, or only those referred for one reason code.
     */
    public List<RatingSummary> findOpenReferrals(String colour, String reason, int limit) {
        return withReasons(jdbc.sql("select " + SUMMARY_COLUMNS + """
                 from rating r
                where r.outcome = 'REFER'
                  and (cast(:colour as varchar(16)) is null or r.colour = :colour)
                  and (cast(:reason as varchar(64)) is null
                       or exists (select 1 from rating_referral_reason rr where rr.rating_id = r.id and rr.reason = :reason))
                  and not exists (select 1 from rating_override o where o.rating_id = r.id and o.status = 'APPLIED')
                order by r.rated_at, r.id limit :limit
                """)
                .param("colour", colour).param("reason", reason).param("limit", limit).query(RatingRepository::summaryWithoutReasons).list());
    }

    private static RatingSummary summaryWithoutReasons(ResultSet rs, int row) throws SQLException {
        int level = rs.getInt(7);
        Integer carbonLevel = rs.wasNull() ? null : level;
        double requested = rs.getDouble(14);
        Double requestedCny = rs.wasNull() ? null : requested;
        return new RatingSummary(rs.getString(1), rs.getString(2), rs.getString(13), rs.getTimestamp(3).toInstant(), rs.getInt(4),
                rs.getString(5), rs.getString(6), carbonLevel, rs.getDouble(8), rs.getString(9), rs.getString(10), rs.getDouble(11),
                requestedCny, rs.getInt(12), List.of(), rs.getBoolean(15));
    }

    /** The summaries with their referral reasons, in each rating's order, read in one query per list. */
    private List<RatingSummary> withReasons(List<RatingSummary> summaries) {
        // Not only referred ratings have reasons: a declined rating keeps those that would have referred it.
        List<String> ids = summaries.stream().map(RatingSummary::id).toList();
        if (ids.isEmpty()) {
            return summaries;
        }
        Map<String, List<String>> reasons = new HashMap<>();
        jdbc.sql("select rating_id, reason from rating_referral_reason where rating_id in (:ids) order by rating_id, ordinal")
                .param("ids", ids)
                .query(rs -> {
                    reasons.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return summaries.stream().map(s -> reasons.containsKey(s.id()) ? s.withReferralReasons(reasons.get(s.id())) : s).toList();
    }

    /** What an idempotency key was first used for. */
    public record IdempotencyRecord(String requestHash, String ratingId) {
    }

    /** The row that ties an idempotency key to the rating made with it; written with the rating, so a taken key stores neither. */
    public static AuditedWrite idempotencyKeyInsertion(String principal, String key, String requestHash, String ratingId, Instant at) {
        return database -> database.sql("""
                insert into idempotency_key (principal, idem_key, request_hash, rating_id, created_at)
                values (:principal, :key, :hash, :rating, :at)
                """)
                .param("principal", principal).param("key", key).param("hash", requestHash).param("rating", ratingId)
                .param("at", Timestamp.from(at)).update();
    }

    public Optional<IdempotencyRecord> findIdempotencyKey(String principal, String key) {
        return jdbc.sql("select request_hash, rating_id from idempotency_key where principal = :principal and idem_key = :key")
                .param("principal", principal).param("key", key)
                .query((rs, n) -> new IdempotencyRecord(rs.getString(1), rs.getString(2))).optional();
    }

    public long count() {
        return jdbc.sql("select count(*) from rating").query(Long.class).single();
    }
}
