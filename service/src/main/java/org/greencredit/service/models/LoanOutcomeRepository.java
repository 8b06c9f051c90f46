package org.greencredit.service.models;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.greencredit.core.rating.ChallengerScore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loan outcomes by rating, and the rows a champion/challenger comparison reads: summary columns and outcomes only, never JSON. */
@Repository
public class LoanOutcomeRepository {
    private final JdbcClient jdbc;

    public LoanOutcomeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an outcome, replacing an earlier one of the same rating; true when it replaced one. */
    public boolean record(LoanOutcome o) {
        boolean replaced = jdbc.sql("delete from loan_outcome where rating_id = :id").param("id", o.ratingId()).update() == 1;
        jdbc.sql("insert into loan_outcome (rating_id, defaulted, observed_on, recorded_by, recorded_at) values (:id, :d, :on, :by, :at)")
                .param("id", o.ratingId()).param("d", o.defaulted()).param("on", Date.valueOf(o.observedOn())).param("by", o.recordedBy())
                .param("at", Timestamp.from(o.recordedAt())).update();
        return replaced;
    }

    /** A rating scored by both models: the champion's PD and grade, the challenger's, the firm's groups, its outcome if known. */
    public record ScoredByBoth(double pd, String grade, ChallengerScore challenger, String fairnessGroups, Boolean defaulted) {
    }

    /** Every rating the champion {@code champion} decided and the challenger {@code challenger} scored in shadow. */
    public List<ScoredByBoth> scoredByBoth(String champion, String challenger) {
        return jdbc.sql("""
                        select r.pd, r.credit_grade, r.challenger_model, r.challenger_pd, r.challenger_grade, r.fairness_groups, o.defaulted
                        from rating r left join loan_outcome o on o.rating_id = r.id
                        where r.credit_model = :champion and r.challenger_model = :challenger
                        """)
                .param("champion", champion).param("challenger", challenger).query(LoanOutcomeRepository::row).list();
    }

    /** The pairs of champion and challenger that scored stored ratings together, with how many. */
    public List<Map<String, Object>> pairs() {
        return jdbc.sql("""
                        select credit_model as champion, challenger_model as challenger, count(*) as ratings from rating
                        where challenger_model is not null group by credit_model, challenger_model order by credit_model, challenger_model
                        """).query().listOfRows();
    }

    private static ScoredByBoth row(ResultSet rs, int n) throws SQLException {
        return new ScoredByBoth(rs.getDouble(1), rs.getString(2), new ChallengerScore(rs.getString(3), rs.getDouble(4), rs.getString(5)),
                rs.getString(6), rs.getObject(7, Boolean.class));
    }
}
