package org.greencredit.datasets.io;

/**
 * A row taken from the input but not yet decoded. Decoding is the costly part of reading text formats,
 * and unlike taking rows from the input it can run on any thread: a batch decodes on its workers.
 */
public interface PendingRow<T> {
    /** The row's 1-based number in the input. */
    long number();

    /** The row's value, or what is wrong with it; thread-safe, and called at most once. */
    ReadRow<T> decode();

    /** A row decoded already. */
    static <T> PendingRow<T> of(ReadRow<T> row) {
        return new PendingRow<>() {
            @Override
            public long number() {
                return row.number();
            }

            @Override
            public ReadRow<T> decode() {
                return row;
            }
        };
    }
}
