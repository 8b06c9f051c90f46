package org.greencredit.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageChannelReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;
import org.greencredit.core.validation.FieldError;

/**
 * Arrow IPC, file ({@code .arrow}) or stream ({@code .arrows}) format, in record batches of
 * {@value #BATCH_ROWS} rows so memory stays bounded. Columns are those of {@link FlatSchema}:
 * text and JSON as Utf8, numbers as Float64, whole numbers as Int64, booleans as Bool. On
 * reading, other numeric and text types are accepted when their values fit the column.
 */
final class ArrowFormat {
    static final int BATCH_ROWS = 4096;
    /**
     * The largest message header (schema or batch metadata) a stream may declare. Arrow allocates the
     * declared size before reading it, so a few bytes declaring 2 GB would otherwise exhaust the heap.
     */
    static final int MAX_METADATA_BYTES = 1 << 20;
    /** The most direct memory the buffers of one input may hold at once: about a dozen batches of our size. */
    static final long MAX_INPUT_BYTES = 1L << 30;

    private ArrowFormat() {
    }

    static Schema arrowSchema(FlatSchema schema) {
        List<Field> fields = new ArrayList<>();
        for (FlatSchema.Column c : schema.columns()) {
            ArrowType type = switch (c.kind()) {
                case NUMBER -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
                case INTEGER -> new ArrowType.Int(64, true);
                case BOOLEAN -> ArrowType.Bool.INSTANCE;
                case STRING, JSON -> ArrowType.Utf8.INSTANCE;
            };
            fields.add(new Field(c.name(), FieldType.nullable(type), null));
        }
        return new Schema(fields);
    }

    static <T> RecordWriter<T> writer(OutputStream out, Class<T> type, boolean fileFormat) {
        RowMapper<T> rows = new RowMapper<>(type);
        BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(arrowSchema(rows.schema()), allocator);
        ArrowWriter writer = fileFormat
                ? new ArrowFileWriter(root, null, Channels.newChannel(out))
                : new ArrowStreamWriter(root, null, Channels.newChannel(out));
        try {
            writer.start();
        } catch (IOException e) {
            root.close();
            allocator.close();
            throw new UncheckedIOException(e);
        }
        return new RecordWriter<>() {
            private int row;

            {
                root.allocateNew();
            }

            @Override
            public void write(T record) {
                Object[] values = rows.flatten(record);
                List<FieldVector> vectors = root.getFieldVectors();
                for (int i = 0; i < values.length; i++) {
                    set(vectors.get(i), row, values[i]);
                }
                row++;
                if (row == BATCH_ROWS) {
                    flushBatch();
                }
            }

            private void flushBatch() {
                root.setRowCount(row);
                try {
                    writer.writeBatch();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                root.clear();
                root.allocateNew();
                row = 0;
            }

            @Override
            public void close() {
                try {
                    if (row > 0) {
                        flushBatch();
                    }
                    writer.end();
                    writer.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    root.close();
                    allocator.close();
                }
            }
        };
    }

    private static void set(FieldVector vector, int row, Object value) {
        if (value == null) {
            vector.setNull(row);
            return;
        }
        if (vector instanceof Float8Vector v) {
            v.setSafe(row, ((Number) value).doubleValue());
        } else if (vector instanceof BigIntVector v) {
            v.setSafe(row, ((Number) value).longValue());
        } else if (vector instanceof BitVector v) {
            v.setSafe(row, ((Boolean) value) ? 1 : 0);
        } else {
            ((VarCharVector) vector).setSafe(row, value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    static <T> RecordReader<T> fileReader(SeekableByteChannel channel, Class<T> type, String name) {
        BufferAllocator allocator = new RootAllocator(MAX_INPUT_BYTES);
        return reader(new ArrowFileReader(channel, allocator), allocator, type, name);
    }

    static <T> RecordReader<T> streamReader(InputStream in, Class<T> type, String name) {
        BufferAllocator allocator = new RootAllocator(MAX_INPUT_BYTES);
        MessageChannelReader messages = new MessageChannelReader(new CappedReadChannel(Channels.newChannel(in)), allocator);
        return reader(new ArrowStreamReader(messages, allocator), allocator, type, name);
    }

    /**
     * Refuses a message whose length prefix declares more than {@link #MAX_METADATA_BYTES}, before Arrow
     * allocates it. Arrow reads each prefix (and the continuation marker before it) into a buffer of four
     * bytes and nothing else into one of that size.
     */
    private static final class CappedReadChannel extends ReadChannel {
        private static final int CONTINUATION = 0xFFFFFFFF;

        CappedReadChannel(ReadableByteChannel in) {
            super(in);
        }

        @Override
        public int readFully(ByteBuffer buffer) throws IOException {
            int start = buffer.position();
            int n = super.readFully(buffer);
            if (buffer.capacity() == 4 && n == 4) {
                int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start);
                if (length != CONTINUATION && (length < 0 || length > MAX_METADATA_BYTES)) {
                    throw new IOException("a message declares " + Integer.toUnsignedString(length) + " bytes of metadata, more than the "
                            + MAX_METADATA_BYTES + " allowed");
                }
            }
            return n;
        }
    }

    private static <T> RecordReader<T> reader(ArrowReader arrow, BufferAllocator allocator, Class<T> type, String name) {
        RowMapper<T> rows = new RowMapper<>(type);
        FlatSchema schema = rows.schema();
        int[] target;
        VectorSchemaRoot root;
        try {
            root = arrow.getVectorSchemaRoot();
            List<Field> fields = root.getSchema().getFields();
            target = new int[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                FlatSchema.Column c = schema.column(fields.get(i).getName());
                if (c == null) {
                    throw new RecordFormatException(name + ": unknown column '" + fields.get(i).getName() + "'; known columns: "
                            + schema.columns().stream().map(FlatSchema.Column::name).toList());
                }
                target[i] = schema.columns().indexOf(c);
            }
        } catch (IOException e) {
            closeQuietly(arrow, allocator);
            throw new RecordFormatException(name + ": not a readable Arrow IPC input: " + e.getMessage(), e);
        } catch (RecordFormatException e) {
            closeQuietly(arrow, allocator);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(arrow, allocator);
            throw new RecordFormatException(name + ": not a readable Arrow IPC input: " + e, e);
        }
        return new RecordReader<>() {
            private int rowInBatch;
            private int batchRows;
            private long rowNumber;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (!done && rowInBatch >= batchRows) {
                    try {
                        if (arrow.loadNextBatch()) {
                            batchRows = root.getRowCount();
                            rowInBatch = 0;
                        } else {
                            done = true;
                        }
                    } catch (IOException | RuntimeException e) {
                        // RuntimeException: Arrow's own OutOfMemoryException past MAX_INPUT_BYTES, or a malformed flatbuffer.
                        throw new RecordFormatException(name + ": broken Arrow batch after row " + rowNumber + ": " + e.getMessage(), e);
                    }
                }
                return !done;
            }

            @Override
            public ReadRow<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                rowNumber++;
                Object[] values = new Object[schema.columns().size()];
                List<FieldVector> vectors = root.getFieldVectors();
                try {
                    for (int i = 0; i < vectors.size(); i++) {
                        Object raw = vectors.get(i).getObject(rowInBatch);
                        if (raw instanceof Text text) {
                            raw = text.toString();
                        }
                        values[target[i]] = CellValues.typed(schema.columns().get(target[i]), raw);
                    }
                } catch (CellValues.BadCell e) {
                    return ReadRow.failed(rowNumber, List.of(e.error));
                } catch (RuntimeException e) {
                    return ReadRow.failed(rowNumber, List.of(new FieldError("$", "unreadable Arrow value: " + e.getMessage())));
                } finally {
                    rowInBatch++;
                }
                return rows.unflatten(rowNumber, values);
            }

            @Override
            public void close() {
                closeQuietly(arrow, allocator);
            }
        };
    }

    private static void closeQuietly(ArrowReader arrow, BufferAllocator allocator) {
        try {
            arrow.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            allocator.close();
        }
    }
}
