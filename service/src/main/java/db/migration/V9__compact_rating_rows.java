package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.greencredit.service.support.DeflatedText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives every rating stored before V8 its compact form: the request and rating JSON deflated exactly as stored (so
 * that their audit hashes still hold), and the summary columns and referral reasons read from the rating JSON. A
 * rating whose JSON lacks a summary value stops the migration with its id and the missing field: nothing is guessed.
 * Reads the JSON as a tree, not as today's Rating class, so that later changes to that class cannot change this step.
 */
public class V9__compact_rating_rows extends BaseJavaMigration {
    private static final int PAGE = 200;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        JsonMapper json = JsonMapper.builder().build();
        // Page by primary key (id > the last one seen), so that each page is an index range, not a scan past the
        // rows converted already.
        try (PreparedStatement select = db.prepareStatement(
                "select id, request_json, rating_json from rating where id > ? order by id limit " + PAGE);
             PreparedStatement update = db.prepareStatement("""
                     update rating set request_deflated = ?, rating_deflated = ?, green_score = ?, green_grade = ?,
                                       carbon_efficiency_level = ?, credit_grade = ?, limit_cny = ?, rate_discount_bp = ?
                     where id = ?
                     """);
             PreparedStatement reason = db.prepareStatement("insert into rating_referral_reason (rating_id, ordinal, reason) values (?, ?, ?)")) {
            List<String[]> page;
            String last = "";
            do {
                page = new ArrayList<>();
                select.setString(1, last);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                    }
                }
                for (String[] row : page) {
                    compact(json, row[0], row[1], row[2], update, reason);
                    last = row[0];
                }
                update.executeBatch();
                reason.executeBatch();
            } while (page.size() == PAGE);
        }
    }

    private static void compact(JsonMapper json, String id, String requestJson, String ratingJson, PreparedStatement update,
                                PreparedStatement reason) throws SQLException {
        JsonNode rating = json.readTree(ratingJson);
        update.setBytes(1, DeflatedText.deflate(requestJson));
        update.setBytes(2, DeflatedText.deflate(ratingJson));
        update.setInt(3, required(rating, id, "green", "score").asInt());
        update.setString(4, required(rating, id, "green", "grade").asString());
        JsonNode level = rating.path("green").path("carbonEfficiencyLevel");
        if (level.isNumber()) {
            update.setInt(5, level.asInt());
        } else {
            update.setNull(5, Types.INTEGER);
        }
        update.setString(6, required(rating, id, "credit", "grade").asString());
        update.setDouble(7, required(rating, id, "decision", "limitCny").asDouble());
        update.setInt(8, required(rating, id, "decision", "rateDiscountBp").asInt());
        update.setString(9, id);
        update.addBatch();
        int ordinal = 0;
        for (JsonNode code : rating.path("decision").path("referralReasons")) {
            reason.setString(1, id);
            reason.setInt(2, ordinal++);
            reason.setString(3, code.asString());
            reason.addBatch();
        }
    }

    private static JsonNode required(JsonNode rating, String id, String record, String field) {
        JsonNode value = rating.path(record).path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new IllegalStateException("rating " + id + " cannot be stored compactly: its JSON has no " + record + "." + field);
        }
        return value;
    }
}
