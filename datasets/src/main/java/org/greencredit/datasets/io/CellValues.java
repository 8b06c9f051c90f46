package org.greencredit.datasets.io;

import java.math.BigDecimal;
import java.util.Locale;
import org.greencredit.core.validation.FieldError;

/** Turns cell content of any format into the typed value its column holds, or a field error. */
final class CellValues {
    private CellValues() {
    }

    /** Signals a cell that does not fit its column. */
    static final class BadCell extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient FieldError error;

        BadCell(FieldError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    /** Returns String, Double, Long, Boolean or null. */
    static Object typed(FlatSchema.Column column, Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String s) {
            if (s.isEmpty()) {
                return null;
            }
            return switch (column.kind()) {
                case NUMBER -> parseNumber(column, s);
                case INTEGER -> parseInteger(column, s);
                case BOOLEAN -> parseBoolean(column, s);
                case STRING, JSON -> s;
            };
        }
        return switch (column.kind()) {
            case NUMBER -> raw instanceof Number n ? (Object) n.doubleValue() : typed(column, raw.toString());
            case INTEGER -> raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    ? (Object) n.longValue() : typed(column, raw.toString());
            case BOOLEAN -> raw instanceof Boolean ? raw : typed(column, raw.toString());
            case STRING, JSON -> raw.toString();
        };
    }

    /** The text form of a typed value for CSV: plain decimals without exponent or trailing zeros. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                return d.toString();
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static Double parseNumber(FlatSchema.Column column, String s) {
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new BadCell(new FieldError(column.name(), "'" + s + "' is not a number"));
        }
    }

    private static Long parseInteger(FlatSchema.Column column, String s) {
        try {
            return Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new BadCell(new FieldError(column.name(), "'" + s + "' is not a whole number"));
        }
    }

    private static Boolean parseBoolean(FlatSchema.Column column, String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return Boolean.TRUE;
        }
        if (v.equals("false")) {
            return Boolean.FALSE;
        }
        throw new BadCell(new FieldError(column.name(), "'" + s + "' is not true or false"));
    }
}
