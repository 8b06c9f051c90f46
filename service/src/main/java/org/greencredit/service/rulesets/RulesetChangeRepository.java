package org.greencredit.service.rulesets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.greencredit.engine.reports.RulesetImpact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Ruleset changes: inserted, then decided once (pending to approved or rejected); never deleted. Impacts are kept as JSON. */
@Repository
public class RulesetChangeRepository {
    private static final String COLUMNS = "id, proposed_by, proposed_at, directory, version, cases_passed, impact, reason, status, decided_by,"
            + " decided_at, decision_note";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public RulesetChangeRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(RulesetChange c) {
        jdbc.sql("insert into ruleset_change (" + COLUMNS + ") values (:id, :by, :at, :dir, :version, :cases, :impact, :reason, :status,"
                        + " null, null, null)")
                .param("id", c.id()).param("by", c.proposedBy()).param("at", Timestamp.from(c.proposedAt())).param("dir", c.directory())
                .param("version", c.version()).param("cases", c.casesPassed()).param("impact", json.writeValueAsString(c.impact()))
                .param("reason", c.reason()).param("status", c.status()).update();
    }

    /** Decides a pending change; false when it was no longer pending. */
    public boolean decide(String id, String status, String decidedBy, Instant at, String note) {
        return jdbc.sql("update ruleset_change set status = :status, decided_by = :by, decided_at = :at, decision_note = :note"
                        + " where id = :id and status = '" + RulesetChange.PENDING + "'")
                .param("status", status).param("by", decidedBy).param("at", Timestamp.from(at)).param("note", note).param("id", id)
                .update() == 1;
    }

    public Optional<RulesetChange> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from ruleset_change where id = :id").param("id", id).query(this::row).optional();
    }

    public List<RulesetChange> latest(int limit) {
        return jdbc.sql("select " + COLUMNS + " from ruleset_change order by proposed_at desc, id limit :limit").param("limit", limit)
                .query(this::row).list();
    }

    /** The change approved last: the ruleset that was active when the service stopped. */
    public Optional<RulesetChange> lastApproved() {
        return jdbc.sql("select " + COLUMNS + " from ruleset_change where status = '" + RulesetChange.APPROVED
                + "' order by decided_at desc, id limit 1").query(this::row).optional();
    }

    private RulesetChange row(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp(11);
        return new RulesetChange(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5),
                rs.getInt(6), json.readValue(rs.getString(7), RulesetImpact.Report.class), rs.getString(8), rs.getString(9), rs.getString(10),
                decided == null ? null : decided.toInstant(), rs.getString(12));
    }
}
