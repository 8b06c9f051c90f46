package org.greencredit.service.rating;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ratings in the database: written once, never updated. */
@Repository
public class RatingRepository {
    private final JdbcClient jdbc;

    public RatingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(StoredRating r) {
        jdbc.sql("""
                insert into rating (id, sme_id, rated_at, outcome, colour, pd, ruleset_version, models_version, factors_version,
                                    input_hash, request_json, rating_json)
                values (:id, :smeId, :ratedAt, :outcome, :colour, :pd, :ruleset, :models, :factors, :inputHash, :request, :rating)
                """)
                .param("id", r.id()).param("smeId", r.smeId()).param("ratedAt", Timestamp.from(r.ratedAt()))
                .param("outcome", r.outcome()).param("colour", r.colour()).param("pd", r.pd())
                .param("ruleset", r.rulesetVersion()).param("models", r.modelsVersion()).param("factors", r.factorsVersion())
                .param("inputHash", r.inputHash()).param("request", r.requestJson()).param("rating", r.ratingJson())
                .update();
    }

    public Optional<String> findRatingJson(String id) {
        return jdbc.sql("select rating_json from rating where id = :id").param("id", id).query(String.class).optional();
    }

    /** A rating as stored and its SME, for the rating's owner and officers. */
    public record StoredRatingJson(String smeId, String ratingJson) {
    }

    public Optional<StoredRatingJson> findRatingJsonWithSme(String id) {
        return jdbc.sql("select sme_id, rating_json from rating where id = :id").param("id", id)
                .query((rs, n) -> new StoredRatingJson(rs.getString(1), rs.getString(2))).optional();
    }

    /** The rated request and its SME, for the rating's owner and officers. */
    public record StoredRequest(String smeId, String requestJson) {
    }

    public Optional<StoredRequest> findRequest(String ratingId) {
        return jdbc.sql("select sme_id, request_json from rating where id = :id").param("id", ratingId)
                .query((rs, n) -> new StoredRequest(rs.getString(1), rs.getString(2))).optional();
    }

    /** The SME's ratings, newest first. */
    public List<String> findRatingJsonBySme(String smeId, int limit) {
        return jdbc.sql("select rating_json from rating where sme_id = :smeId order by rated_at desc, id limit :limit")
                .param("smeId", smeId).param("limit", limit).query(String.class).list();
    }

    /**
     * Referred ratings no officer has settled yet (no applied override), oldest first; optionally only
     * one colour, or only those referred for one reason code.
     */
    public List<String> findOpenReferrals(String colour, String reason, int limit) {
        return jdbc.sql("""
                select rating_json from rating r
                where r.outcome = 'REFER'
                  and (cast(:colour as varchar(16)) is null or r.colour = :colour)
                  and (cast(:reason as varchar(64)) is null or r.rating_json like :reasonPattern escape '\\')
                  and not exists (select 1 from rating_override o where o.rating_id = r.id and o.status = 'APPLIED')
                order by r.rated_at, r.id limit :limit
                """)
                .param("colour", colour).param("reason", reason).param("reasonPattern", reason == null ? null : "%\"" + likeLiteral(reason) + "\"%")
                .param("limit", limit).query(String.class).list();
    }

    /** {@code text} matched literally by LIKE ... ESCAPE '\': its own wildcards {@code _} and {@code %} escaped. */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
    }

    /** What an idempotency key was first used for. */
    public record IdempotencyRecord(String requestHash, String ratingId) {
    }

    public void insertIdempotencyKey(String principal, String key, String requestHash, String ratingId, Instant at) {
        jdbc.sql("""
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
