package org.greencredit.core.validation;

/**
 * One problem with one input field.
 *
 * @param field   the path of the field in the request, e.g. {@code carbonAccount.lines[2].unit}
 * @param message what is wrong, in words a caller can act on
 */
public record FieldError(String field, String message) implements Comparable<FieldError> {
    @Override
    public int compareTo(FieldError other) {
        int byField = field.compareTo(other.field);
        return byField != 0 ? byField : message.compareTo(other.message);
    }
}
