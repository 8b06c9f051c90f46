package org.greencredit.datasets.io;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.greencredit.core.validation.FieldError;

/**
 * The Arrow schema of a record type, with typed columns all the way down: a record is a Struct, a list
 * a List of its element type, an enum a dictionary-encoded string (one dictionary per enum type, its
 * constants in declaration order), a month or a date a Date32 (a month as its first day), an instant
 * a UTC Timestamp in nanoseconds, numbers Float64, Int32 or Int64, booleans Bool. No JSON in cells, so
 * any Arrow implementation sees the nested types. Writers and readers are bound to the vectors once and
 * then convert row by row without reflection on types.
 *
 * <p>Reading is as strict as the JSON contract: a column the record does not have, or of a type that
 * cannot hold its values, makes the input unreadable, naming the column; a value that does not fit (an
 * unknown enum name, a month that is not a month) fails its row, naming the field. Integers are not
 * accepted from floating-point columns, as JSON does not accept 1.5 for an integer.
 */
final class NestedArrowSchema<T> {
    private static final String ITEM = "item";

    private final Class<T> type;
    private final RecordCodec root;
    private final Map<Class<?>, Long> dictionaryIds = new LinkedHashMap<>();

    private NestedArrowSchema(Class<T> type) {
        this.type = type;
        this.root = new RecordCodec(type, this);
    }

    static <T> NestedArrowSchema<T> of(Class<T> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        return new NestedArrowSchema<>(type);
    }

    Schema schema() {
        List<Field> fields = new ArrayList<>();
        root.components.forEach((name, codec) -> fields.add(codec.field(name)));
        return new Schema(fields);
    }

    /** The dictionaries of the enum types, written before the first batch; the caller closes them with the allocator. */
    DictionaryProvider.MapDictionaryProvider dictionaries(BufferAllocator allocator) {
        DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider();
        dictionaryIds.forEach((enumType, id) -> {
            Object[] constants = enumType.getEnumConstants();
            VarCharVector names = new VarCharVector("dictionary-" + id, allocator);
            names.allocateNew(constants.length);
            for (int i = 0; i < constants.length; i++) {
                names.setSafe(i, ((Enum<?>) constants[i]).name().getBytes(StandardCharsets.UTF_8));
            }
            names.setValueCount(constants.length);
            provider.put(new Dictionary(names, encoding(id)));
        });
        return provider;
    }

    private static DictionaryEncoding encoding(long id) {
        return new DictionaryEncoding(id, false, new ArrowType.Int(8, true));
    }

    private long dictionaryId(Class<?> enumType) {
        return dictionaryIds.computeIfAbsent(enumType, t -> (long) dictionaryIds.size());
    }

    /** Writes records into the top-level vectors of {@code root}, which has {@link #schema()}. */
    RowWriter<T> writer(VectorSchemaRoot vectors) {
        Map<String, ValueWriter> writers = new LinkedHashMap<>();
        root.components.forEach((name, codec) -> writers.put(name, codec.writer(vectors.getVector(name))));
        List<ValueWriter> bound = new ArrayList<>(writers.values());
        return (index, record) -> {
            Object[] values = root.values(record);
            for (int i = 0; i < values.length; i++) {
                bound.get(i).write(index, values[i]);
            }
        };
    }

    /** Writes one record at a row of the bound vectors. */
    interface RowWriter<T> {
        void write(int index, T record);
    }

    /**
     * Binds a reader to the vectors of an input, checking its schema against the record type.
     *
     * @throws RecordFormatException naming the first column the record does not have or cannot read
     */
    RowReader<T> reader(VectorSchemaRoot vectors, DictionaryProvider dictionaries, String name) {
        ValueReader records = root.componentsReader(vectors.getFieldVectors(), dictionaries, name, "");
        return (index, rowNumber) -> {
            try {
                return ReadRow.ok(rowNumber, type.cast(records.read(index)));
            } catch (BadValue e) {
                return ReadRow.failed(rowNumber, List.of(new FieldError(e.path.isEmpty() ? "$" : e.path, e.getMessage())));
            }
        };
    }

    /** Reads the record at a row of the bound vectors, or the field that does not fit. */
    interface RowReader<T> {
        ReadRow<T> read(int index, long rowNumber);
    }

    /**
     * A value that does not fit its field; {@code path} names the field relative to the value being read. Readers
     * build no paths while values fit: each level a failure passes through puts its component name or list index in
     * front on the way out.
     */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;
        final String path;

        BadValue(String message) {
            this("", message);
        }

        private BadValue(String path, String message) {
            super(message, null, false, false);
            this.path = path;
        }

        /** The same failure seen from the record that holds it as component {@code name}. */
        BadValue within(String name) {
            return new BadValue(path.isEmpty() || path.startsWith("[") ? name + path : name + "." + path, getMessage());
        }

        /** The same failure seen from the list that holds it at {@code index}. */
        BadValue at(int index) {
            return new BadValue("[" + index + "]" + (path.isEmpty() || path.startsWith("[") ? path : "." + path), getMessage());
        }
    }

    private interface ValueWriter {
        void write(int index, Object value);
    }

    private interface ValueReader {
        Object read(int index) throws BadValue;
    }

    /**
     * How one Java type maps to Arrow. Codecs convert values that are there; nulls are handled here once, the same
     * for every type: a null is the vector's null, and a null read for a primitive component is refused.
     */
    private interface Codec {
        Field field(String name);

        /** Writes a value that is not null. */
        ValueWriter presentWriter(FieldVector vector);

        /**
         * Reads a value at an index the vector holds one.
         *
         * @throws RecordFormatException when {@code vector} cannot hold values of this type
         */
        ValueReader presentReader(Field field, FieldVector vector, DictionaryProvider dictionaries, String input, String column);

        /** Whether the Java type is a primitive, which has no null. */
        default boolean primitive() {
            return false;
        }

        default ValueWriter writer(FieldVector vector) {
            ValueWriter present = presentWriter(vector);
            return (index, value) -> {
                if (value == null) {
                    vector.setNull(index);
                } else {
                    present.write(index, value);
                }
            };
        }

        default ValueReader reader(Field field, FieldVector vector, DictionaryProvider dictionaries, String input, String column) {
            ValueReader present = presentReader(field, vector, dictionaries, input, column);
            boolean primitive = primitive();
            return index -> {
                if (vector.isNull(index)) {
                    if (primitive) {
                        throw nullForPrimitive();
                    }
                    return null;
                }
                return present.read(index);
            };
        }
    }

    private static Codec codecOf(Type type, NestedArrowSchema<?> schema) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return new ListCodec(codecOf(p.getActualTypeArguments()[0], schema));
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalArgumentException("no Arrow mapping for " + type);
        }
        if (c.isRecord()) {
            return new RecordCodec(c, schema);
        }
        if (c.isEnum()) {
            return new EnumCodec(c, schema.dictionaryId(c));
        }
        if (c == String.class) {
            return new StringCodec();
        }
        if (c == Double.class || c == double.class) {
            return new DoubleCodec(c.isPrimitive());
        }
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
            return new IntegerCodec(c == Long.class || c == long.class, c.isPrimitive());
        }
        if (c == Boolean.class || c == boolean.class) {
            return new BooleanCodec(c.isPrimitive());
        }
        if (c == YearMonth.class || c == LocalDate.class) {
            return new DateCodec(c == YearMonth.class);
        }
        if (c == Instant.class) {
            return new InstantCodec();
        }
        throw new IllegalArgumentException("no Arrow mapping for " + c.getName());
    }

    private static RecordFormatException incompatible(String input, String column, Field field, String expected) {
        return new RecordFormatException(input + ": column '" + column + "' is " + field.getType() + ", which cannot hold " + expected);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static BadValue nullForPrimitive() {
        return new BadValue("must not be null");
    }

    private static final class RecordCodec implements Codec {
        private final Class<?> type;
        private final Map<String, Codec> components = new LinkedHashMap<>();
        private final Method[] accessors;
        private final Constructor<?> constructor;

        RecordCodec(Class<?> type, NestedArrowSchema<?> schema) {
            this.type = type;
            RecordComponent[] parts = type.getRecordComponents();
            this.accessors = new Method[parts.length];
            Class<?>[] types = new Class<?>[parts.length];
            for (int i = 0; i < parts.length; i++) {
                components.put(parts[i].getName(), codecOf(parts[i].getGenericType(), schema));
                accessors[i] = parts[i].getAccessor();
                types[i] = parts[i].getType();
            }
            try {
                this.constructor = type.getDeclaredConstructor(types);
                // Checked once here: otherwise every call checks its caller's access again, a fifth of reading.
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record has its canonical constructor", e);
            }
        }

        Object[] values(Object record) {
            Object[] values = new Object[accessors.length];
            try {
                for (int i = 0; i < accessors.length; i++) {
                    values[i] = accessors[i].invoke(record);
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read the components of " + type.getName(), e);
            }
            return values;
        }

        @Override
        public Field field(String name) {
            List<Field> children = new ArrayList<>();
            components.forEach((n, codec) -> children.add(codec.field(n)));
            return new Field(name, FieldType.nullable(ArrowType.Struct.INSTANCE), children);
        }

        @Override
        public ValueWriter presentWriter(FieldVector vector) {
            StructVector struct = (StructVector) vector;
            List<ValueWriter> children = new ArrayList<>();
            components.forEach((n, codec) -> children.add(codec.writer(struct.getChild(n))));
            return (index, value) -> {
                struct.setIndexDefined(index);
                Object[] values = values(value);
                for (int i = 0; i < values.length; i++) {
                    children.get(i).write(index, values[i]);
                }
            };
        }

        @Override
        public ValueReader presentReader(Field field, FieldVector vector, DictionaryProvider dictionaries, String input, String column) {
            if (!(vector instanceof StructVector struct)) {
                throw incompatible(input, column, field, "a record");
            }
            List<FieldVector> children = new ArrayList<>();
            for (String n : struct.getChildFieldNames()) {
                children.add(struct.getChild(n));
            }
            return componentsReader(children, dictionaries, input, column);
        }

        /** Reads the components from {@code vectors} (top-level columns, or a struct's children); missing ones are null. */
        ValueReader componentsReader(List<FieldVector> vectors, DictionaryProvider dictionaries, String input, String column) {
            List<String> names = new ArrayList<>(components.keySet());
            ValueReader[] readers = new ValueReader[names.size()];
            Map<String, FieldVector> byName = new HashMap<>();
            for (FieldVector v : vectors) {
                String n = v.getField().getName();
                String at = join(column, n);
                if (!components.containsKey(n)) {
                    throw new RecordFormatException(input + ": unknown column '" + at + "'; known: "
                            + names.stream().map(k -> join(column, k)).toList());
                }
                if (byName.put(n, v) != null) {
                    throw new RecordFormatException(input + ": column '" + at + "' appears twice");
                }
            }
            for (int i = 0; i < names.size(); i++) {
                FieldVector v = byName.get(names.get(i));
                Codec codec = components.get(names.get(i));
                String at = join(column, names.get(i));
                if (v == null) {
                    boolean primitive = codec.primitive();
                    readers[i] = index -> {
                        if (primitive) {
                            throw nullForPrimitive();
                        }
                        return null;
                    };
                } else {
                    readers[i] = codec.reader(v.getField(), v, dictionaries, input, at);
                }
            }
            String[] componentNames = names.toArray(String[]::new);
            return index -> {
                Object[] args = new Object[readers.length];
                for (int i = 0; i < readers.length; i++) {
                    try {
                        args[i] = readers[i].read(index);
                    } catch (BadValue e) {
                        throw e.within(componentNames[i]);
                    }
                }
                try {
                    return constructor.newInstance(args);
                } catch (InvocationTargetException e) {
                    throw new BadValue(e.getCause().getMessage());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot build " + type.getName(), e);
                }
            };
        }
    }

    private static final class ListCodec implements Codec {
        private final Codec element;

        ListCodec(Codec element) {
            this.element = element;
        }

        @Override
        public Field field(String name) {
            return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), List.of(element.field(ITEM)));
        }

        @Override
        public ValueWriter presentWriter(FieldVector vector) {
            ListVector list = (ListVector) vector;
            ValueWriter items = element.writer(list.getDataVector());
            return (index, value) -> {
                List<?> values = (List<?>) value;
                int start = list.startNewValue(index);
                for (int i = 0; i < values.size(); i++) {
                    items.write(start + i, values.get(i));
                }
                list.endValue(index, values.size());
            };
        }

        @Override
        public ValueReader presentReader(Field field, FieldVector vector, DictionaryProvider dictionaries, String input, String column) {
            if (!(vector instanceof ListVector list)) {
                throw incompatible(input, column, field, "a list");
            }
            FieldVector data = list.getDataVector();
            ValueReader items = element.reader(data.getField(), data, dictionaries, input, column + "[]");
            return index -> {
                int start = list.getElementStartIndex(index);
                int end = list.getElementEndIndex(index);
                List<Object> values = new ArrayList<>(end - start);
                for (int i = start; i < end; i++) {
                    try {
                        values.add(items.read(i));
                    } catch (BadValue e) {
                        throw e.at(i - start);
                    }
                }
                return values;
            };
        }
    }

    private static final class EnumCodec implements Codec {
        private final Class<?> type;
        private final Object[] constants;
        private final long dictionaryId;

        EnumCodec(Class<?> type, long dictionaryId) {
            this.type = type;
            this.constants = type.getEnumConstants();
            this.dictionaryId = dictionaryId;
        }

        @Override
        public Field field(String name) {
            return new Field(name, new FieldType(true, new ArrowType.Int(8, true), encoding(dictionaryId)), null);
        }

        @Override
        public ValueWriter presentWriter(FieldVector vector) {
            TinyIntVector indices = (TinyIntVector) vector;
            return (index, value) -> indices.setSafe(index, (byte) ((Enum<?>) value).ordinal());
        }

        /**
         * A dictionary's entries mapped to constants once, and again only when the dictionary vector changes (a stream may
         * replace it between batches); a name that is no constant stays a String, refused when a row uses it.
         */
        private final class DictionaryConstants {
            private final DictionaryProvider dictionaries;
            private final long id;
            private FieldVector mappedVector;
            private int mappedCount = -1;
            private Object[] names;

            DictionaryConstants(DictionaryProvider dictionaries, long id) {
                this.dictionaries = dictionaries;
                this.id = id;
            }

            Object[] names() {
                Dictionary dictionary = dictionaries.lookup(id);
                if (dictionary == null) {
                    return null;
                }
                FieldVector vector = dictionary.getVector();
                if (vector != mappedVector || vector.getValueCount() != mappedCount) {
                    Object[] mapped = new Object[vector.getValueCount()];
                    for (int i = 0; i < mapped.length; i++) {
                        String name = String.valueOf(vector.getObject(i));
                        mapped[i] = name;
                        for (Object c : constants) {
                            if (((Enum<?>) c).name().equals(name)) {
                                mapped[i] = c;
                            }
                        }
                    }
                    names = mapped;
                    mappedVector = vector;
                    mappedCount = vector.getValueCount();
                }
                return names;
            }
        }

        private Object constant(String name) throws BadValue {
            for (Object c : constants) {
                if (((Enum<?>) c).name().equals(name)) {
                    return c;
                }
            }
            throw new BadValue("value '" + name + "' is not a valid " + type.getSimpleName());
        }

        @Override
        public ValueReader presentReader(Field field, FieldVector vector, DictionaryProvider dictionaries, String input, String column) {
            DictionaryEncoding encoding = field.getDictionary();
            if (encoding != null && vector instanceof BaseIntVector indices) {
                DictionaryConstants mapped = new DictionaryConstants(dictionaries, encoding.getId());
                return index -> {
                    Object[] names = mapped.names();
                    long at = indices.getValueAsLong(index);
                    if (names == null || at < 0 || at >= names.length) {
                        throw new BadValue("dictionary index " + at + " is outside the dictionary of '" + column + "'");
                    }
                    return names[(int) at] instanceof String unknown ? constant(unknown) : names[(int) at];
                };
            }
            if (vector instanceof VarCharVector text) {
                return index -> constant(new String(text.get(index), StandardCharsets.UTF_8));
            }
            throw incompatible(input, column, field, "the names of " + type.getSimpleName());
        }
    }

    private static final class StringCodec implements Codec {
        @Override
        public Field field(String name) {
            return new Field(name, FieldType.nullable(ArrowType.Utf8.INSTANCE), null);
        }

        @Override
        public ValueWriter presentWriter(FieldVector vector) {
            VarCharVector text = (VarCharVector) vector;
            return (index, value) -> text.setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public ValueReader presentReader(Field field, FieldVector vector, DictionaryProvider dictionaries, String input, String column) {
            if (!(vector instanceof VarCharVector text) || field.getDictionary() != null) {
                throw incompatible(input, column, field, "text");
            }
            RepeatedTexts repeated = new RepeatedTexts(text);
            return repeated::read;
        }
    }

    /**
     * A column's short texts, decoded once while they repeat (a category or unit on every activity line): the same
     * String instance comes back, saving the decoding and, later, the hashing of each copy in every map it is looked up
     * in. One slot per hash of the bytes; a different text in the slot replaces it.
     */
    private static final class RepeatedTexts {
        private static final int SHORT = 32;
        private static final int SLOTS = 256;
        private final VarCharVector vector;
        private final byte[] scratch = new byte[SHORT];
        private final byte[][] keys = new byte[SLOTS][];
        private final String[] texts = new String[SLOTS];

        RepeatedTexts(VarCharVector vector) {
            this.vector = vector;
        }

        String read(int index) {
            long start = vector.getStartOffset(index);
            int length = vector.getValueLength(index);
            if (length > SHORT) {
                return new String(vector.get(index), StandardCharsets.UTF_8);
            }
            vector.getDataBuffer().getBytes(start, scratch, 0, length);
            int hash = 1;
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + scratch[i];
            }
            int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
            byte[] key = keys[slot];
            if (key != null && Arrays.equals(key, 0, key.length, scratch, 0, length)) {
                return texts[slot];
            }
            String text = new String(scratch, 0, length, StandardCharsets.UTF_8);
            keys[slot] = Arrays.copyOf(scratch, length);
            texts[slot] = text;
            return text;
        }
    }

    private record DoubleCodec(boolean primitive) implements Codec {
        @Override
        public Field field(String name) {
            return new Field(name, FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), null);
        }

        @Override
        public ValueWriter presentWriter(FieldVector vector) {
            Float8Vector numbers = (Float8Vector) vector;
            return (index, value) -> numbers.setSafe(index, (Double) value);
        }

        @Override
        public ValueReader presentReader(Field field, FieldVector vector, DictionaryProvider dictionaries, String input, String column) {
            if (vector instanceof FloatingPointVector numbers) {
                return index -> numbers.getValueAsDouble(index);
            }
            if (vector instanceof BaseIntVector integers && field.getDictionary() == null) {
                return index -> (double) integers.getValueAsLong(index);
            }
            throw incompatible(input, column, field, "numbers");
        }
    }

    private record IntegerCodec(boolean wide, boolean primitive) implements Codec {
        @Override
        public Field field(String name) {
            return new Field(name, FieldType.nullable(new ArrowType.Int(wide ? 64 : 32, true)), null);
        }

        @Override
        public ValueWriter presentWriter(FieldVector vector) {
            if (wide) {
                BigIntVector numbers = (BigIntVector) vector;
                return (index, value) -> numbers.setSafe(index, ((Number) value).longValue());
            }
            IntVector numbers = (IntVector) vector;
            return (index, value) -> numbers.setSafe(index, (Integer) value);
        }

        @Override
        public ValueReader presentReader(Field field, FieldVector vector, DictionaryProvider dictionaries, String input, String column) {
            if (!(vector instanceof BaseIntVector integers) || field.getDictionary() != null) {
                throw incompatible(input, column, field, "whole numbers");
            }
            return index -> {
                long value = integers.getValueAsLong(index);
                if (wide) {
                    return value;
                }
                if (value != (int) value) {
                    throw new BadValue("value " + value + " is out of range for an integer");
                }
                return (int) value;
            };
        }
    }

    private record BooleanCodec(boolean primitive) implements Codec {
        @Override
        public Field field(String name) {
            return new Field(name, FieldType.nullable(ArrowType.Bool.INSTANCE), null);
        }

        @Override
        public ValueWriter presentWriter(FieldVector vector) {
            BitVector bits = (BitVector) vector;
            return (index, value) -> bits.setSafe(index, (Boolean) value ? 1 : 0);
        }

        @Override
        public ValueReader presentReader(Field field, FieldVector vector, DictionaryProvider dictionaries, String input, String column) {
            if (!(vector instanceof BitVector bits)) {
                throw incompatible(input, column, field, "booleans");
            }
            return index -> bits.get(index) == 1;
        }
    }

    /** A month is written as its first day; a date read into a month must be a first day. Text in ISO form is read too. */
    private record DateCodec(boolean month) implements Codec {
        @Override
        public Field field(String name) {
            return new Field(name, FieldType.nullable(new ArrowType.Date(DateUnit.DAY)), null);
        }

        @Override
        public ValueWriter presentWriter(FieldVector vector) {
            DateDayVector days = (DateDayVector) vector;
            return (index, value) -> {
                LocalDate date = value instanceof YearMonth m ? m.atDay(1) : (LocalDate) value;
                days.setSafe(index, Math.toIntExact(date.toEpochDay()));
            };
        }

        private Object of(LocalDate date) throws BadValue {
            if (!month) {
                return date;
            }
            if (date.getDayOfMonth() != 1) {
                throw new BadValue("value " + date + " is not a month: a month is stored as its first day");
            }
            return YearMonth.from(date);
        }

        @Override
        public ValueReader presentReader(Field field, FieldVector vector, DictionaryProvider dictionaries, String input, String column) {
            if (vector instanceof DateDayVector days) {
                // Months and dates repeat from row to row: the last values seen, by day, spare the calendar arithmetic.
                int[] seenDays = new int[256];
                Object[] seen = new Object[256];
                return index -> {
                    int day = days.get(index);
                    int slot = day & 255;
                    if (seen[slot] != null && seenDays[slot] == day) {
                        return seen[slot];
                    }
                    Object value = of(LocalDate.ofEpochDay(day));
                    seenDays[slot] = day;
                    seen[slot] = value;
                    return value;
                };
            }
            if (vector instanceof VarCharVector text && field.getDictionary() == null) {
                return index -> {
                    String s = new String(text.get(index), StandardCharsets.UTF_8);
                    try {
                        return month ? YearMonth.parse(s) : LocalDate.parse(s);
                    } catch (DateTimeParseException e) {
                        throw new BadValue("value '" + s + "' is not a valid " + (month ? "month (yyyy-MM)" : "date (yyyy-MM-dd)"));
                    }
                };
            }
            throw incompatible(input, column, field, month ? "months" : "dates");
        }
    }

    private static final class InstantCodec implements Codec {
        @Override
        public Field field(String name) {
            return new Field(name, FieldType.nullable(new ArrowType.Timestamp(TimeUnit.NANOSECOND, "UTC")), null);
        }

        @Override
        public ValueWriter presentWriter(FieldVector vector) {
            TimeStampVector times = (TimeStampVector) vector;
            return (index, value) -> {
                Instant at = (Instant) value;
                times.setSafe(index, Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano()));
            };
        }

        @Override
        public ValueReader presentReader(Field field, FieldVector vector, DictionaryProvider dictionaries, String input, String column) {
            if (!(vector instanceof TimeStampVector times) || !(field.getType() instanceof ArrowType.Timestamp stamp)
                    || stamp.getTimezone() == null) {
                throw incompatible(input, column, field, "instants (a timestamp with a time zone)");
            }
            long perSecond = switch (stamp.getUnit()) {
                case SECOND -> 1L;
                case MILLISECOND -> 1_000L;
                case MICROSECOND -> 1_000_000L;
                case NANOSECOND -> 1_000_000_000L;
            };
            return index -> {
                long value = times.get(index);
                return Instant.ofEpochSecond(Math.floorDiv(value, perSecond), Math.floorMod(value, perSecond) * (1_000_000_000L / perSecond));
            };
        }
    }
}
