package org.greencredit.service.models;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Model changes: inserted, then decided once (pending to approved or rejected); never deleted. */
@Repository
public class ModelChangeRepository {
    private static final String COLUMNS = "id, proposed_by, proposed_at, champion, thin_file, challenger, reason, status, decided_by, decided_at,"
            + " decision_note";

    private final JdbcClient jdbc;

    public ModelChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ModelChange c) {
        jdbc.sql("insert into model_change (" + COLUMNS + ") values (:id, :by, :at, :champion, :thinFile, :challenger, :reason, :status,"
                        + " null, null, null)")
                .param("id", c.id()).param("by", c.proposedBy()).param("at", Timestamp.from(c.proposedAt())).param("champion", c.champion())
                .param("thinFile", c.thinFile()).param("challenger", c.challenger()).param("reason", c.reason()).param("status", c.status())
                .update();
    }

    /** Decides a pending change; false when it was no longer pending (another administrator decided first). */
    public boolean decide(String id, String status, String decidedBy, Instant at, String note) {
        return jdbc.sql("update model_change set status = :status, decided_by = :by, decided_at = :at, decision_note = :note"
                        + " where id = :id and status = '" + ModelChange.PENDING + "'")
                .param("status", status).param("by", decidedBy).param("at", Timestamp.from(at)).param("note", note).param("id", id)
                .update() == 1;
    }

    public Optional<ModelChange> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from model_change where id = :id").param("id", id).query(ModelChangeRepository::row).optional();
    }

    /** The latest changes, newest first. */
    public List<ModelChange> latest(int limit) {
        return jdbc.sql("select " + COLUMNS + " from model_change order by proposed_at desc, id limit :limit").param("limit", limit)
                .query(ModelChangeRepository::row).list();
    }

    /** The change approved last: the models every instance should rate with. */
    public Optional<ModelChange> lastApproved() {
        return jdbc.sql("select " + COLUMNS + " from model_change where status = '" + ModelChange.APPROVED
                + "' order by decided_at desc, id limit 1").query(ModelChangeRepository::row).optional();
    }

    private static ModelChange row(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp(10);
        return new ModelChange(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), decided == null ? null : decided.toInstant(),
                rs.getString(11));
    }
}
