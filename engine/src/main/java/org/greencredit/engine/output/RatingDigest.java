package org.greencredit.engine.output;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.RecordComponent;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 over a canonical binary form of a record, so that a decision can carry a hash of the full rating without
 * writing it as text (formatting tens of thousands of numbers costs more than rating). The form, which any
 * implementation can reproduce: a record is its components in declaration order; each value is one byte 0 for null, or
 * 1 followed by: a double as its 8 IEEE 754 bytes, big-endian (NaN as 0x7ff8000000000000); an int as 4 bytes; a long as
 * 8; a boolean as one byte 0 or 1; a list as its size in 4 bytes then its elements; text (a string, an enum's name, the
 * ISO-8601 form of a month, date or instant) as its UTF-8 length in 4 bytes and the bytes.
 *
 * <p>Repeated texts are written again each time: SHA-256 on the CPU's SHA instructions hashes 1.6 GB/s on the
 * benchmark machine, so the repeats cost less than the table of texts seen (to write repeats as references) did.
 */
final class RatingDigest {
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            return components(type);
        }
    };
    /** Above this many, the thread's table of date texts starts again (the months of a rating repeat; dates vary). */
    private static final int MAX_TEMPORAL_TEXTS = 4_096;
    /** Big-endian writes of whole ints and longs into the byte buffer, as the form orders their bytes. */
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** One per thread, kept between ratings: its buffer, text table and hash state are reused, not rebuilt. */
    private static final ThreadLocal<RatingDigest> PER_THREAD = ThreadLocal.withInitial(RatingDigest::new);

    /** Unsynchronised, unlike ByteArrayOutputStream, whose lock on every write cost more than the hash. */
    private byte[] buffer = new byte[32 * 1024];
    private int size;
    private final MessageDigest sha256;
    /**
     * The text of each month, date or instant seen on this thread: a rating names the same two dozen months on a hundred
     * lines, and formatting one costs more than looking it up.
     */
    private final HashMap<TemporalAccessor, String> temporalTexts = new HashMap<>();
    private static final int ENCODED_SLOTS = 1_024;
    private final String[] encodedTexts = new String[ENCODED_SLOTS];
    private final byte[][] encoded = new byte[ENCODED_SLOTS][];

    private RatingDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String sha256(Record record) {
        RatingDigest digest = PER_THREAD.get().start(record);
        digest.sha256.update(digest.buffer, 0, digest.size);
        return HexFormat.of().formatHex(digest.sha256.digest());
    }

    /** The canonical form itself, for tests that check it byte by byte. */
    static byte[] canonical(Record record) {
        RatingDigest digest = new RatingDigest().start(record);
        return Arrays.copyOf(digest.buffer, digest.size);
    }

    private RatingDigest start(Record record) {
        size = 0;
        value(record);
        return this;
    }

    private void value(Object value) {
        if (value == null) {
            write(0);
        } else if (value instanceof String s) {
            text(s);
        } else if (value instanceof Enum<?> e) {
            text(e.name());
        } else if (value instanceof TemporalAccessor t) {
            text(temporalText(t));
        } else {
            write(1);
            nonText(value);
        }
    }

    private void nonText(Object value) {
        if (value instanceof Double d) {
            long8(Double.doubleToLongBits(d));
        } else if (value instanceof Integer i) {
            int4(i);
        } else if (value instanceof Long l) {
            long8(l);
        } else if (value instanceof Boolean b) {
            write(b ? 1 : 0);
        } else if (value instanceof List<?> list) {
            int4(list.size());
            for (Object element : list) {
                value(element);
            }
        } else if (value instanceof Record r) {
            try {
                for (Component component : COMPONENTS.get(r.getClass())) {
                    component.write(this, r);
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read the components of " + r.getClass().getName(), e);
            }
        } else {
            throw new IllegalArgumentException("no canonical form for " + value.getClass().getName());
        }
    }

    /**
     * One record component written from its accessor. A primitive component is read through an accessor of its own
     * type, so that a double is not boxed only to be unboxed again; its bytes are those of the boxed value that is
     * never null.
     */
    @FunctionalInterface
    private interface Component {
        void write(RatingDigest digest, Record record) throws Throwable;
    }

    private static Component[] components(Class<?> type) {
        RecordComponent[] parts = type.getRecordComponents();
        Component[] components = new Component[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                MethodHandle accessor = MethodHandles.publicLookup().unreflect(parts[i].getAccessor());
                Class<?> t = parts[i].getType();
                if (t == double.class) {
                    MethodHandle get = accessor.asType(MethodType.methodType(double.class, Record.class));
                    components[i] = (d, r) -> {
                        d.present8(Double.doubleToLongBits((double) get.invokeExact(r)));
                    };
                } else if (t == int.class) {
                    MethodHandle get = accessor.asType(MethodType.methodType(int.class, Record.class));
                    components[i] = (d, r) -> {
                        d.write(1);
                        d.int4((int) get.invokeExact(r));
                    };
                } else if (t == long.class) {
                    MethodHandle get = accessor.asType(MethodType.methodType(long.class, Record.class));
                    components[i] = (d, r) -> {
                        d.present8((long) get.invokeExact(r));
                    };
                } else if (t == boolean.class) {
                    MethodHandle get = accessor.asType(MethodType.methodType(boolean.class, Record.class));
                    components[i] = (d, r) -> {
                        d.write(1);
                        d.write((boolean) get.invokeExact(r) ? 1 : 0);
                    };
                } else if (t.isPrimitive()) {
                    throw new IllegalArgumentException("no canonical form for " + t + " in " + type.getName());
                } else {
                    MethodHandle get = accessor.asType(MethodType.methodType(Object.class, Record.class));
                    components[i] = (d, r) -> d.value((Object) get.invokeExact(r));
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(type.getName() + " is not a public record", e);
        }
        return components;
    }

    /**
     * The UTF-8 bytes of a text, kept by instance for the next time: a rating repeats the same instances (a factor's
     * source on each of its lines, rule titles), and encoding text that is not ASCII goes character by character.
     */
    private byte[] utf8(String s) {
        int slot = System.identityHashCode(s) & (ENCODED_SLOTS - 1);
        if (encodedTexts[slot] == s) {
            return encoded[slot];
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        encodedTexts[slot] = s;
        encoded[slot] = utf8;
        return utf8;
    }

    private String temporalText(TemporalAccessor t) {
        String text = temporalTexts.get(t);
        if (text == null) {
            if (temporalTexts.size() >= MAX_TEMPORAL_TEXTS) {
                temporalTexts.clear();
            }
            text = t.toString();
            temporalTexts.put(t, text);
        }
        return text;
    }

    private void text(String s) {
        byte[] utf8 = utf8(s);
        room(5 + utf8.length);
        buffer[size++] = 1;
        INT.set(buffer, size, utf8.length);
        System.arraycopy(utf8, 0, buffer, size + 4, utf8.length);
        size += 4 + utf8.length;
    }

    private void int4(int value) {
        room(4);
        INT.set(buffer, size, value);
        size += 4;
    }

    private void long8(long value) {
        room(8);
        LONG.set(buffer, size, value);
        size += 8;
    }

    /** A value that is never null, of 8 bytes: its presence byte and the bytes in one step (most of a rating's values). */
    private void present8(long value) {
        room(9);
        buffer[size] = 1;
        LONG.set(buffer, size + 1, value);
        size += 9;
    }

    private void write(int b) {
        room(1);
        buffer[size++] = (byte) b;
    }

    private void room(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
