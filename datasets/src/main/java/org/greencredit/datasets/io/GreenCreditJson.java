package org.greencredit.datasets.io;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.greencredit.core.rating.ChallengerScore;
import org.greencredit.core.rating.CreditAssessment;
import org.greencredit.core.validation.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON configuration of the engine, the CLI and the service, so that the same rating
 * prints the same bytes everywhere. Strict on input: unknown fields, numbers given as strings,
 * fractions for integers and numbers for enums are errors, because a silently dropped or
 * coerced field would change a rating without anyone noticing.
 */
public final class GreenCreditJson {
    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private GreenCreditJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                // A key given twice is refused, not resolved "last one wins": the two values may disagree.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Schubfach instead of the JDK's FloatingDecimal: the shortest text that reads back as the same double, several times faster.
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .addMixIn(CreditAssessment.class, ChallengerOnlyWhenScored.class)
                .addModule(new SimpleModule("greencredit-months").addDeserializer(YearMonth.class, new IsoMonthDeserializer()));
    }

    /**
     * A rating without a challenger writes no {@code challenger} key at all: ratings made without one keep the bytes
     * they were stored with, and the firm's own view, which never shows it, has no empty field to wonder about.
     */
    private abstract static class ChallengerOnlyWhenScored {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract ChallengerScore challenger();
    }

    /** Names the field a JSON reading or mapping error happened at, with what was wrong, in plain words. */
    public static FieldError toFieldError(JacksonException e) {
        String field = path(e.getPath());
        String message;
        String code = FieldError.TYPE;
        if (e instanceof UnrecognizedPropertyException u) {
            field = field.isEmpty() ? u.getPropertyName() : field;
            message = "unknown field '" + u.getPropertyName() + "'";
            code = FieldError.UNKNOWN_FIELD;
        } else if (e instanceof InvalidFormatException f) {
            message = "value " + describe(f.getValue()) + " is not a valid " + typeName(f.getTargetType());
            code = f.getTargetType() != null && f.getTargetType().isEnum() ? FieldError.UNKNOWN_CODE : FieldError.FORMAT;
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "must be " + article(typeName(m.getTargetType()));
        } else if (e instanceof StreamReadException read) {
            field = withCurrentName(field, read);
            message = malformed(e.getOriginalMessage());
        } else {
            message = firstLine(e.getOriginalMessage());
            code = FieldError.INVALID;
        }
        return new FieldError(field.isEmpty() ? "$" : field, message, code);
    }

    static String path(List<JacksonException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            StringBuilder names = new StringBuilder();
            for (Object c : constants) {
                names.append(names.length() == 0 ? "" : ", ").append(c);
            }
            return "value (one of " + names + ")";
        }
        return switch (type.getSimpleName()) {
            case "Double", "double", "Float", "float" -> "number";
            case "Integer", "int", "Long", "long" -> "whole number";
            case "Boolean", "boolean" -> "boolean (true or false)";
            case "String" -> "string";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "YearMonth" -> "month (YYYY-MM)";
            case "List" -> "array";
            default -> "object";
        };
    }

    private static String article(String noun) {
        if (noun.startsWith("value (")) {
            return "a " + noun;
        }
        return (noun.matches("^[aeiou].*") ? "an " : "a ") + noun;
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'" : String.valueOf(value);
    }

    /** A token error happens inside a value whose name the path has not recorded yet; the parser knows it. */
    private static String withCurrentName(String field, StreamReadException read) {
        JsonParser parser = read.processor();
        String name = parser == null ? null : parser.currentName();
        if (name == null || field.endsWith(name) || parser.streamReadContext() == null || !parser.streamReadContext().inObject()) {
            return field;
        }
        return field.isEmpty() ? name : field + "." + name;
    }

    /** Jackson's token errors in words a caller can act on, without the parser's internals. */
    private static String malformed(String message) {
        String text = firstLine(message);
        if (text.contains("Non-standard token")) {
            return "not a valid JSON number: NaN and Infinity are not allowed";
        }
        if (text.contains("end-of-input")) {
            return "malformed JSON: the body ends before the JSON is complete";
        }
        int internals = text.indexOf(" (start marker");
        if (internals < 0) {
            internals = text.indexOf(" at [Source");
        }
        return "malformed JSON: " + (internals > 0 ? text.substring(0, internals) : text);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.toLowerCase(Locale.ROOT).startsWith("unexpected") ? "malformed JSON: " + line : line;
    }
}
