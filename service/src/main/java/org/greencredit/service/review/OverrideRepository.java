package org.greencredit.service.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Overrides: inserted, then decided once (pending to applied or rejected); never deleted. */
@Repository
public class OverrideRepository {
    private static final String COLUMNS = "id, rating_id, requested_by, requested_at, outcome, limit_cny, rate_discount_bp, reason, status,"
            + " decided_by, decided_at, decision_note";

    private final JdbcClient jdbc;

    public OverrideRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(RatingOverride o) {
        jdbc.sql("insert into rating_override (" + COLUMNS + ") values (:id, :rating, :by, :at, :outcome, :limit, :bp, :reason, :status,"
                        + " :decidedBy, :decidedAt, :note)")
                .param("id", o.id()).param("rating", o.ratingId()).param("by", o.requestedBy()).param("at", Timestamp.from(o.requestedAt()))
                .param("outcome", o.outcome()).param("limit", o.limitCny()).param("bp", o.rateDiscountBp()).param("reason", o.reason())
                .param("status", o.status()).param("decidedBy", o.decidedBy())
                .param("decidedAt", o.decidedAt() == null ? null : Timestamp.from(o.decidedAt())).param("note", o.decisionNote())
                .update();
    }

    /** Decides a pending override; false when it was no longer pending (someone decided first). */
    public boolean decide(String id, String status, String decidedBy, Instant at, String note) {
        return jdbc.sql("update rating_override set status = :status, decided_by = :by, decided_at = :at, decision_note = :note"
                        + " where id = :id and status = '" + RatingOverride.PENDING + "'")
                .param("status", status).param("by", decidedBy).param("at", Timestamp.from(at)).param("note", note).param("id", id)
                .update() == 1;
    }

    public Optional<RatingOverride> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from rating_override where id = :id").param("id", id).query(OverrideRepository::row).optional();
    }

    public List<RatingOverride> forRating(String ratingId) {
        return jdbc.sql("select " + COLUMNS + " from rating_override where rating_id = :r order by requested_at, id")
                .param("r", ratingId).query(OverrideRepository::row).list();
    }

    public List<RatingOverride> pending(int limit) {
        return jdbc.sql("select " + COLUMNS + " from rating_override where status = '" + RatingOverride.PENDING + "' order by requested_at limit :limit")
                .param("limit", limit).query(OverrideRepository::row).list();
    }

    private static RatingOverride row(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp(11);
        return new RatingOverride(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5),
                rs.getObject(6, Double.class), rs.getObject(7, Integer.class), rs.getString(8), rs.getString(9),
                rs.getString(10), decided == null ? null : decided.toInstant(), rs.getString(12));
    }
}
