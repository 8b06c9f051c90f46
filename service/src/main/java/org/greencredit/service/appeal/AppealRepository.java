package org.greencredit.service.appeal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appeals: opened, then resolved once; never deleted. */
@Repository
public class AppealRepository {
    private static final String COLUMNS = "id, rating_id, sme_id, opened_by, opened_at, field, claim, evidence, status, resolved_by,"
            + " resolved_at, answer, corrected_rating_id";

    private final JdbcClient jdbc;

    public AppealRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts an open appeal.
     *
     * @throws DuplicateKeyException when the rating already has an open appeal (the database's unique index decides)
     */
    public void insert(Appeal a) {
        jdbc.sql("insert into appeal (id, rating_id, sme_id, opened_by, opened_at, field, claim, evidence, status, open_rating_id)"
                        + " values (:id, :rating, :sme, :by, :at, :field, :claim, :evidence, :status, :rating)")
                .param("id", a.id()).param("rating", a.ratingId()).param("sme", a.smeId()).param("by", a.openedBy())
                .param("at", Timestamp.from(a.openedAt())).param("field", a.field()).param("claim", a.claim())
                .param("evidence", a.evidence()).param("status", a.status()).update();
    }

    /** Resolves an open appeal; false when it was no longer open. */
    public boolean resolve(String id, String status, String by, Instant at, String answer, String correctedRatingId) {
        return jdbc.sql("update appeal set status = :status, resolved_by = :by, resolved_at = :at, answer = :answer,"
                        + " corrected_rating_id = :corrected, open_rating_id = null where id = :id and status = '" + Appeal.OPEN + "'")
                .param("status", status).param("by", by).param("at", Timestamp.from(at)).param("answer", answer)
                .param("corrected", correctedRatingId).param("id", id).update() == 1;
    }

    public Optional<Appeal> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from appeal where id = :id").param("id", id).query(AppealRepository::row).optional();
    }

    public List<Appeal> bySme(String smeId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from appeal where sme_id = :sme order by opened_at desc, id limit :limit")
                .param("sme", smeId).param("limit", limit).query(AppealRepository::row).list();
    }

    public List<Appeal> byStatus(String status, int limit) {
        return jdbc.sql("select " + COLUMNS + " from appeal where status = :status order by opened_at, id limit :limit")
                .param("status", status).param("limit", limit).query(AppealRepository::row).list();
    }

    private static Appeal row(ResultSet rs, int n) throws SQLException {
        Timestamp resolved = rs.getTimestamp(11);
        return new Appeal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), resolved == null ? null : resolved.toInstant(),
                rs.getString(12), rs.getString(13));
    }
}
