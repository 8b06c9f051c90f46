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
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageChannelReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.Text;
import org.greencredit.core.validation.FieldError;

/**
 * Arrow IPC, file ({@code .arrow}) or stream ({@code .arrows}) format, in record batches of
 * {@value #BATCH_ROWS} rows so memory stays bounded. Columns are typed and nested as
 * {@link NestedArrowSchema} lays them out; files in the flat layout of earlier versions
 * ({@link FlatSchema}: dotted names, JSON text in cells) are still read, with a deprecation note.
 */
final class ArrowFormat {
    private static final System.Logger LOG = System.getLogger(ArrowFormat.class.getName());
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

    static <T> RecordWriter<T> writer(OutputStream out, Class<T> type, boolean fileFormat) {
        NestedArrowSchema<T> nested = NestedArrowSchema.of(type);
        BufferAllocator allocator = new RootAllocator();
        DictionaryProvider.MapDictionaryProvider dictionaries = nested.dictionaries(allocator);
        VectorSchemaRoot root = VectorSchemaRoot.create(nested.schema(), allocator);
        ArrowWriter writer = fileFormat
                ? new ArrowFileWriter(root, dictionaries, Channels.newChannel(out))
                : new ArrowStreamWriter(root, dictionaries, Channels.newChannel(out));
        try {
            writer.start();
        } catch (IOException e) {
            close(root, dictionaries, allocator);
            throw new UncheckedIOException(e);
        }
        NestedArrowSchema.RowWriter<T> rows = nested.writer(root);
        return new RecordWriter<>() {
            private int row;

            {
                root.allocateNew();
            }

            @Override
            public void write(T record) {
                rows.write(row, record);
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
                    ArrowFormat.close(root, dictionaries, allocator);
                }
            }
        };
    }

    private static void close(VectorSchemaRoot root, DictionaryProvider.MapDictionaryProvider dictionaries, BufferAllocator allocator) {
        root.close();
        for (long id : dictionaries.getDictionaryIds()) {
            dictionaries.lookup(id).getVector().close();
        }
        allocator.close();
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
        VectorSchemaRoot root;
        RowSource<T> rows;
        try {
            root = arrow.getVectorSchemaRoot();
            rows = rowSource(root, arrow, type, name);
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
                try {
                    return rows.read(rowInBatch, rowNumber);
                } catch (RuntimeException e) {
                    // Buffers that do not hold what the schema says (offsets past the end, a truncated batch).
                    return ReadRow.failed(rowNumber, List.of(new FieldError("$", "unreadable Arrow value: " + e.getMessage())));
                } finally {
                    rowInBatch++;
                }
            }

            @Override
            public void close() {
                closeQuietly(arrow, allocator);
            }
        };
    }

    /** Reads one row of the batch loaded in the bound vectors. */
    private interface RowSource<T> {
        ReadRow<T> read(int index, long rowNumber);
    }

    /**
     * The typed layout ({@link NestedArrowSchema}), or the flat layout of earlier versions (dotted column names, JSON
     * text in cells), which still reads with a deprecation note.
     */
    private static <T> RowSource<T> rowSource(VectorSchemaRoot root, DictionaryProvider dictionaries, Class<T> type, String name) {
        try {
            NestedArrowSchema.RowReader<T> nested = NestedArrowSchema.of(type).reader(root, dictionaries, name);
            return nested::read;
        } catch (RecordFormatException notNested) {
            RowMapper<T> rows = new RowMapper<>(type);
            FlatSchema schema = rows.schema();
            List<Field> fields = root.getSchema().getFields();
            // Flat only by what the typed layout never has: dotted names, or text where a list or a record belongs.
            boolean flat = fields.stream().allMatch(f -> schema.column(f.getName()) != null) && fields.stream().anyMatch(
                    f -> f.getName().contains(".") || schema.column(f.getName()).kind() == FlatSchema.Kind.JSON);
            if (!flat) {
                throw notNested;
            }
            LOG.log(System.Logger.Level.WARNING, name + ": the flat Arrow layout (dotted columns, JSON text in cells) is deprecated and"
                    + " will not be read by a later version; write the file again with this one to get typed, nested columns");
            return flatRows(root, rows, name);
        }
    }

    private static <T> RowSource<T> flatRows(VectorSchemaRoot root, RowMapper<T> rows, String name) {
        FlatSchema schema = rows.schema();
        List<Field> fields = root.getSchema().getFields();
        int[] target = new int[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            target[i] = schema.columns().indexOf(schema.column(fields.get(i).getName()));
        }
        return (index, rowNumber) -> {
            Object[] values = new Object[schema.columns().size()];
            List<FieldVector> vectors = root.getFieldVectors();
            try {
                for (int i = 0; i < vectors.size(); i++) {
                    Object raw = vectors.get(i).getObject(index);
                    if (raw instanceof Text text) {
                        raw = text.toString();
                    }
                    values[target[i]] = CellValues.typed(schema.columns().get(target[i]), raw);
                }
            } catch (CellValues.BadCell e) {
                return ReadRow.failed(rowNumber, List.of(e.error));
            }
            return rows.unflatten(rowNumber, values);
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
