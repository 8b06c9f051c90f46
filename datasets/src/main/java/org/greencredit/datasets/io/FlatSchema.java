package org.greencredit.datasets.io;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The flat, tabular view of a record type, for CSV and Arrow: nested records become dotted
 * column names ({@code sme.regionCode}), lists stay whole as JSON text in one cell
 * ({@code carbonAccount.lines}). Derived from the record's components, so it follows the
 * domain without a second definition, and the mapping is lossless both ways.
 */
public final class FlatSchema {

    /** How a column is stored: as text, a double, a long, a boolean, or JSON text. */
    public enum Kind {
        STRING, NUMBER, INTEGER, BOOLEAN, JSON
    }

    public record Column(String name, Kind kind, List<String> path) {
    }

    private final List<Column> columns;

    private FlatSchema(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    public static FlatSchema of(Class<? extends Record> type) {
        List<Column> columns = new ArrayList<>();
        collect(type, List.of(), columns);
        return new FlatSchema(columns);
    }

    public List<Column> columns() {
        return columns;
    }

    public Column column(String name) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static void collect(Class<?> type, List<String> prefix, List<Column> out) {
        for (RecordComponent component : type.getRecordComponents()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(component.getName());
            Class<?> raw = component.getType();
            if (raw.isRecord()) {
                collect(raw, path, out);
            } else {
                out.add(new Column(String.join(".", path), kindOf(raw, component.getGenericType()), List.copyOf(path)));
            }
        }
    }

    private static Kind kindOf(Class<?> raw, Type generic) {
        if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw.isArray()
                || generic instanceof ParameterizedType) {
            return Kind.JSON;
        }
        if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
            return Kind.NUMBER;
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return Kind.INTEGER;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return Kind.BOOLEAN;
        }
        return Kind.STRING;
    }

    /** The value of each column in the tree: String, Double, Long, Boolean, or null when absent. */
    public Object[] flatten(JsonNode tree) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            JsonNode node = tree;
            for (String segment : c.path()) {
                node = node == null || node.isNull() ? null : node.get(segment);
            }
            values[i] = node == null || node.isNull() ? null : switch (c.kind()) {
                case NUMBER -> node.isNumber() ? (Object) node.doubleValue() : node.asString();
                case INTEGER -> node.isIntegralNumber() ? (Object) node.longValue() : node.asString();
                case BOOLEAN -> node.isBoolean() ? (Object) node.booleanValue() : node.asString();
                case STRING -> node.isString() ? node.stringValue() : node.toString();
                case JSON -> node.toString();
            };
        }
        return values;
    }

    /**
     * Builds the JSON tree of one row from its column values (null for empty cells). Text
     * of JSON columns is parsed; a parse failure names the column.
     */
    public ObjectNode unflatten(Object[] values, JsonValueParser json) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < columns.size(); i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            Column c = columns.get(i);
            ObjectNode parent = root;
            for (int s = 0; s < c.path().size() - 1; s++) {
                String segment = c.path().get(s);
                JsonNode child = parent.get(segment);
                parent = child instanceof ObjectNode o ? o : parent.putObject(segment);
            }
            String leaf = c.path().get(c.path().size() - 1);
            if (value instanceof Double d) {
                parent.put(leaf, d);
            } else if (value instanceof Long l) {
                parent.put(leaf, l);
            } else if (value instanceof Boolean b) {
                parent.put(leaf, b);
            } else if (c.kind() == Kind.JSON) {
                parent.set(leaf, json.parse(c.name(), value.toString()));
            } else {
                parent.put(leaf, value.toString());
            }
        }
        return root;
    }

    /** Parses the JSON text of a cell, failing with the column's name. */
    @FunctionalInterface
    public interface JsonValueParser {
        JsonNode parse(String column, String text);
    }
}
