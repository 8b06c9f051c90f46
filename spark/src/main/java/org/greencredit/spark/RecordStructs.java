package org.greencredit.spark;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.greencredit.core.validation.FieldError;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Records as Spark rows, in the typed layout of the batch path's Arrow files ({@code NestedArrowSchema}): a record is a
 * struct, a list an array, an enum its name, a month or a date a date (a month is its first day), an instant a
 * timestamp, numbers double, int or long. The schema comes from the record types, so a request read from Parquet goes
 * through the same constructors and validation as one read from JSON. Reading a row names the field of the first
 * value it cannot take.
 */
final class RecordStructs {
    /** A ClassValue rather than a map's computeIfAbsent: a record's schema asks for those of its nested records. */
    private static final ClassValue<StructType> SCHEMAS = new ClassValue<>() {
        @Override
        protected StructType computeValue(Class<?> record) {
            return structOf(record);
        }
    };
    private static final ClassValue<Constructor<?>> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> record) {
            try {
                return record.getDeclaredConstructor(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record always has its canonical constructor: " + record.getName(), e);
            }
        }
    };

    private RecordStructs() {
    }

    /** A value a row holds that its record cannot take, with the field's path. */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;
        private final String field;

        BadValue(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        FieldError error() {
            return new FieldError(field, getMessage());
        }
    }

    static StructType schema(Class<?> record) {
        return SCHEMAS.get(record);
    }

    private static StructType structOf(Class<?> record) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record.getName() + " is not a record");
        }
        List<StructField> fields = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            fields.add(DataTypes.createStructField(c.getName(), typeOf(c.getGenericType()), !c.getType().isPrimitive()));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType typeOf(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return DataTypes.createArrayType(typeOf(p.getActualTypeArguments()[0]), true);
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalArgumentException("no Spark type for " + type);
        }
        if (c.isRecord()) {
            return schema(c);
        }
        if (c.isEnum() || c == String.class) {
            return DataTypes.StringType;
        }
        if (c == double.class || c == Double.class) {
            return DataTypes.DoubleType;
        }
        if (c == int.class || c == Integer.class) {
            return DataTypes.IntegerType;
        }
        if (c == long.class || c == Long.class) {
            return DataTypes.LongType;
        }
        if (c == boolean.class || c == Boolean.class) {
            return DataTypes.BooleanType;
        }
        if (c == YearMonth.class || c == LocalDate.class) {
            return DataTypes.DateType;
        }
        if (c == Instant.class) {
            return DataTypes.TimestampType;
        }
        throw new IllegalArgumentException("no Spark type for " + c.getName());
    }

    /** The record as a row of {@link #schema}: nested records as rows, lists as Java lists, enums by name. */
    static Row toRow(Object record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                values[i] = toCell(components[i].getAccessor().invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + components[i], e);
            }
        }
        return new GenericRowWithSchema(values, schema(record.getClass()));
    }

    private static Object toCell(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof YearMonth m) {
            return Date.valueOf(m.atDay(1));
        }
        if (value instanceof LocalDate d) {
            return Date.valueOf(d);
        }
        if (value instanceof Instant t) {
            return Timestamp.from(t);
        }
        if (value instanceof List<?> list) {
            List<Object> cells = new ArrayList<>(list.size());
            for (Object element : list) {
                cells.add(toCell(element));
            }
            // Spark's row encoder takes Scala sequences for arrays, not Java lists.
            return CollectionConverters.asScala(cells);
        }
        if (value.getClass().isRecord()) {
            return toRow(value);
        }
        throw new IllegalArgumentException("no Spark value for " + value.getClass().getName());
    }

    /**
     * The record a row holds. The row's schema may order its fields differently or lack some (read as null); a field the
     * record does not have is refused before any row is read ({@link #unknownFields}).
     *
     * @throws BadValue naming the first field whose value the record cannot take, or the record whose checks refuse it
     */
    static <T> T fromRow(Row row, Class<T> record) throws BadValue {
        return record.cast(recordOf(row, record, ""));
    }

    private static Object recordOf(Row row, Class<?> record, String path) throws BadValue {
        RecordComponent[] components = record.getRecordComponents();
        Object[] args = new Object[components.length];
        StructType schema = row.schema();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String field = path.isEmpty() ? c.getName() : path + "." + c.getName();
            Object cell = schema.getFieldIndex(c.getName()).isDefined() ? row.get(row.fieldIndex(c.getName())) : null;
            if (cell == null && c.getType().isPrimitive()) {
                throw new BadValue(field, "must not be null");
            }
            args[i] = cell == null ? null : fromCell(cell, c.getGenericType(), field);
        }
        try {
            return CONSTRUCTORS.get(record).newInstance(args);
        } catch (InvocationTargetException e) {
            throw new BadValue(path.isEmpty() ? "$" : path, String.valueOf(e.getCause().getMessage()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + record.getName(), e);
        }
    }

    private static Object fromCell(Object cell, Type type, String field) throws BadValue {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            if (!(cell instanceof Seq<?> || cell instanceof List<?>)) {
                throw new BadValue(field, "must be a list");
            }
            List<?> cells = cell instanceof List<?> l ? l : CollectionConverters.asJava((Seq<?>) cell);
            List<Object> values = new ArrayList<>(cells.size());
            for (int i = 0; i < cells.size(); i++) {
                Object element = cells.get(i);
                values.add(element == null ? null : fromCell(element, p.getActualTypeArguments()[0], field + "[" + i + "]"));
            }
            return values;
        }
        Class<?> c = (Class<?>) type;
        if (c.isRecord()) {
            if (!(cell instanceof Row nested)) {
                throw new BadValue(field, "must be a struct");
            }
            return recordOf(nested, c, field);
        }
        if (c.isEnum()) {
            return enumOf(c, cell, field);
        }
        if (c == YearMonth.class || c == LocalDate.class) {
            LocalDate date = cell instanceof Date d ? d.toLocalDate() : cell instanceof LocalDate l ? l : null;
            if (date == null) {
                throw new BadValue(field, "must be a date");
            }
            if (c == YearMonth.class && date.getDayOfMonth() != 1) {
                throw new BadValue(field, "must be a month: the first day of it, not " + date);
            }
            return c == YearMonth.class ? YearMonth.from(date) : date;
        }
        if (c == Instant.class) {
            if (cell instanceof Timestamp t) {
                return t.toInstant();
            }
            if (cell instanceof Instant i) {
                return i;
            }
            throw new BadValue(field, "must be a timestamp");
        }
        if ((c == double.class || c == Double.class) && (cell instanceof Integer || cell instanceof Long || cell instanceof Float)) {
            return ((Number) cell).doubleValue();
        }
        Class<?> boxed = c.isPrimitive() ? box(c) : c;
        if (!boxed.isInstance(cell)) {
            throw new BadValue(field, "must be " + boxed.getSimpleName().toLowerCase(Locale.ROOT) + ", not " + cell.getClass().getSimpleName());
        }
        return cell;
    }

    private static <E extends Enum<E>> Object enumOf(Class<?> type, Object cell, String field) throws BadValue {
        @SuppressWarnings("unchecked")
        Class<E> enumType = (Class<E>) type;
        try {
            return Enum.valueOf(enumType, String.valueOf(cell));
        } catch (IllegalArgumentException e) {
            throw new BadValue(field, "'" + cell + "' is not one of " + Arrays.toString(enumType.getEnumConstants()));
        }
    }

    private static Class<?> box(Class<?> primitive) {
        return primitive == double.class ? Double.class : primitive == int.class ? Integer.class : primitive == long.class ? Long.class : Boolean.class;
    }

    /** The paths of fields in {@code actual} that {@code expected} does not have, at any depth: input the job would ignore. */
    static List<String> unknownFields(StructType actual, StructType expected) {
        List<String> unknown = new ArrayList<>();
        collectUnknown(actual, expected, "", unknown);
        return unknown;
    }

    private static void collectUnknown(DataType actual, DataType expected, String path, List<String> unknown) {
        if (actual instanceof StructType a && expected instanceof StructType e) {
            for (StructField f : a.fields()) {
                String field = path.isEmpty() ? f.name() : path + "." + f.name();
                if (e.getFieldIndex(f.name()).isEmpty()) {
                    unknown.add(field);
                } else {
                    collectUnknown(f.dataType(), e.apply(f.name()).dataType(), field, unknown);
                }
            }
        } else if (actual instanceof ArrayType a && expected instanceof ArrayType e) {
            collectUnknown(a.elementType(), e.elementType(), path + "[]", unknown);
        }
    }
}
