package org.greencredit.datasets.io;

import java.util.Iterator;

/**
 * Reads records one row at a time, so any input size fits in bounded memory. A row that
 * cannot be read is returned with its errors rather than skipped or thrown, so a batch can
 * report it and go on.
 */
public interface RecordReader<T> extends Iterator<ReadRow<T>>, AutoCloseable {
    @Override
    void close();

    /**
     * The next row, taken from the input but possibly not yet decoded, so that a caller may decode it on
     * another thread; readers whose decoding is cheap return it decoded.
     */
    default PendingRow<T> nextPending() {
        return PendingRow.of(next());
    }

    /** The share of the input read so far, 0 to 1; NaN when unknown (a stream of unknown length). */
    default double progress() {
        return Double.NaN;
    }
}
