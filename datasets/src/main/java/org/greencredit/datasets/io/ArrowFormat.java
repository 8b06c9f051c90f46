package org.greencredit.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
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
        BufferAllocator allocator = new RootAllocator();
        return reader(new ArrowFileReader(channel, allocator), allocator, type, name);
    }

    static <T> RecordReader<T> streamReader(InputStream in, Class<T> type, String name) {
        BufferAllocator allocator = new RootAllocator();
        return reader(new ArrowStreamReader(in, allocator), allocator, type, name);
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
        } catch (RuntimeException e) {
            closeQuietly(arrow, allocator);
            throw e;
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
                    } catch (IOException e) {
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
