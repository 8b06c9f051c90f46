package org.greencredit.datasets.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Closes a stream for the record readers and writers, whose close() cannot throw checked exceptions. */
final class Closing {
    private Closing() {
    }

    static void unchecked(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
