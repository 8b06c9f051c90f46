package org.greencredit.datasets.io;

import java.util.List;
import org.greencredit.core.validation.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Converts records to flat rows and back through their JSON tree, so all formats agree with the JSON contract. */
final class RowMapper<T> {
    private final Class<T> type;
    private final FlatSchema schema;
    private final JsonMapper mapper = GreenCreditJson.mapper();

    @SuppressWarnings("unchecked")
    RowMapper(Class<T> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        this.type = type;
        this.schema = FlatSchema.of((Class<? extends Record>) type);
    }

    FlatSchema schema() {
        return schema;
    }

    Object[] flatten(T record) {
        return schema.flatten(mapper.valueToTree(record));
    }

    ReadRow<T> unflatten(long rowNumber, Object[] values) {
        try {
            JsonNode tree = schema.unflatten(values, this::parseCell);
            return ReadRow.ok(rowNumber, mapper.treeToValue(tree, type));
        } catch (CellException e) {
            return ReadRow.failed(rowNumber, List.of(e.error));
        } catch (JacksonException e) {
            return ReadRow.failed(rowNumber, List.of(GreenCreditJson.toFieldError(e)));
        }
    }

    private JsonNode parseCell(String column, String text) {
        try {
            return mapper.readTree(text);
        } catch (JacksonException e) {
            throw new CellException(new FieldError(column, "cell is not valid JSON: " + GreenCreditJson.toFieldError(e).message()));
        }
    }

    private static final class CellException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient FieldError error;

        CellException(FieldError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }
}
