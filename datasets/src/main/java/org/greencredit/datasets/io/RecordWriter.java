package org.greencredit.datasets.io;

/** Writes records of one type to one output in one format. Not thread-safe. */
public interface RecordWriter<T> extends AutoCloseable {
    void write(T record);

    @Override
    void close();
}
