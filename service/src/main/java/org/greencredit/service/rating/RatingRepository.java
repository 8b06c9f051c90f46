package org.greencredit.service.rating;

import java.sql.Timestamp;
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

    /** The SME's ratings, newest first. */
    public List<String> findRatingJsonBySme(String smeId, int limit) {
        return jdbc.sql("select rating_json from rating where sme_id = :smeId order by rated_at desc, id limit :limit")
                .param("smeId", smeId).param("limit", limit).query(String.class).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from rating").query(Long.class).single();
    }
}
