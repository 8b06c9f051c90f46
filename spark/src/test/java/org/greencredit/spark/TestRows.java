package org.greencredit.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;

/** Rows for tests that need one value changed. */
final class TestRows {
    private TestRows() {
    }

    /** A copy of {@code row} with one field's value replaced. */
    static Row with(Row row, String field, Object value) {
        Object[] values = new Object[row.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        values[row.fieldIndex(field)] = value;
        return new GenericRowWithSchema(values, row.schema());
    }
}
