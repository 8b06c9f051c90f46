package org.greencredit.datasets.io;

import java.util.List;
import org.greencredit.core.validation.FieldError;

/**
 * One input row: its 1-based number in the input, and either the value or what was wrong with it.
 */
public record ReadRow<T>(long number, T value, List<FieldError> errors) {
    public ReadRow {
        errors = List.copyOf(errors);
    }

    public static <T> ReadRow<T> ok(long number, T value) {
        return new ReadRow<>(number, value, List.of());
    }

    public static <T> ReadRow<T> failed(long number, List<FieldError> errors) {
        return new ReadRow<>(number, null, errors);
    }

    public boolean isOk() {
        return errors.isEmpty();
    }
}
