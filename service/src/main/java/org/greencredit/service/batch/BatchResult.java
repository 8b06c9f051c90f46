package org.greencredit.service.batch;

import java.util.List;
import org.greencredit.core.validation.FieldError;

/**
 * One input row's result, in input order: RATED (new), REPLAYED (rated by an earlier run of the
 * same batch key), or REJECTED with the field errors. The full rating is at
 * {@code GET /api/v1/ratings/{ratingId}}.
 *
 * @param row 1-based row number in the input
 */
public record BatchResult(long row, String status, String smeId, String ratingId, String outcome, String colour, Double pd,
                          String creditGrade, Double limitCny, Integer rateDiscountBp, List<String> referralReasons,
                          List<FieldError> errors) {
    public static final String RATED = "RATED";
    public static final String REPLAYED = "REPLAYED";
    public static final String REJECTED = "REJECTED";

    public static BatchResult rejected(long row, String smeId, List<FieldError> errors) {
        return new BatchResult(row, REJECTED, smeId, null, null, null, null, null, null, null, List.of(), errors);
    }
}
