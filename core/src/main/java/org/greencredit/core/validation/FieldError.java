package org.greencredit.core.validation;

/**
 * One problem with one input field.
 *
 * @param field   the path of the field in the request, e.g. {@code carbonAccount.lines[2].unit}
 * @param message what is wrong, in words a caller can act on
 * @param code    what kind of problem it is, one of the constants here, so that a page can say it in its own language
 *                (the message is English and may name values)
 */
public record FieldError(String field, String message, String code) implements Comparable<FieldError> {
    /** Missing: null, blank or empty. */
    public static final String REQUIRED = "required";
    /** A number outside its allowed range (below a minimum, above a maximum, negative, a month outside the window). */
    public static final String RANGE = "range";
    /** Not a finite number (NaN or infinity). */
    public static final String NUMBER = "number";
    /** A value outside what any small firm could have (an amount or quantity far too large). */
    public static final String IMPLAUSIBLE = "implausible";
    /** Too long a text or too many elements. */
    public static final String SIZE = "size";
    /** Text that does not have the required form (a pattern, a date in the future). */
    public static final String FORMAT = "format";
    /** A code not in its table: region, industry, spend category, unit or enum value. */
    public static final String UNKNOWN_CODE = "unknown_code";
    /** A field the request does not have. */
    public static final String UNKNOWN_FIELD = "unknown_field";
    /** JSON of the wrong type (text where a number belongs) or not JSON at all. */
    public static final String TYPE = "type";
    /** Values that disagree with each other (a total that is not amount plus tax, more green power than electricity). */
    public static final String INCONSISTENT = "inconsistent";
    /** A plot outline that is not a closed, simple ring. */
    public static final String GEOMETRY = "geometry";
    /** A body too large, too slow, or not in a readable encoding. */
    public static final String BODY = "body";
    /** Any other problem; the message says which. */
    public static final String INVALID = "invalid";

    public FieldError {
        code = code == null ? INVALID : code;
    }

    /** A problem without a more specific kind. */
    public FieldError(String field, String message) {
        this(field, message, INVALID);
    }

    @Override
    public int compareTo(FieldError other) {
        int byField = field.compareTo(other.field);
        return byField != 0 ? byField : message.compareTo(other.message);
    }
}
