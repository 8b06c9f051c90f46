package org.greencredit.engine.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.validation.FieldError;
import org.greencredit.core.validation.InvalidRequestException;
import org.greencredit.datasets.io.PendingRow;
import org.greencredit.datasets.io.ReadRow;
import org.greencredit.datasets.io.RecordFormatException;
import org.greencredit.datasets.io.RecordReader;
import org.greencredit.datasets.io.RecordWriter;
import org.greencredit.engine.RatingEngine;

/**
 * Runs the engine over a stream of requests in chunks, in parallel within a chunk and in input
 * order across the output, so memory stays bounded for any input size. A row that cannot be read,
 * is invalid or fails to rate goes to the rejects with its row number and errors, and so does the
 * point where an input breaks off: nothing is skipped silently and one row never ends the batch. The
 * work per row is given, so rating and carbon accounting share the same batch path. At most two chunks
 * are held at a time: the one being rated and the one being written or read.
 */
public final class BatchRunner<R> {
    private static final int CHUNK = 1_024;

    private final RowWork<R> work;
    private final int threads;

    /** What to do with one request, knowing its row number (1-based); throws {@link InvalidRequestException} for an invalid one. */
    @FunctionalInterface
    public interface RowWork<R> {
        R apply(long row, RatingRequest request);
    }

    /** @param work what to do with one request; throws {@link InvalidRequestException} for an invalid one */
    public BatchRunner(Function<RatingRequest, R> work, int threads) {
        this((row, request) -> work.apply(request), threads);
    }

    public BatchRunner(RowWork<R> work, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.work = work;
        this.threads = threads;
    }

    /** Rates each request with the engine. */
    public static BatchRunner<Rating> rating(RatingEngine engine, int threads) {
        return new BatchRunner<>(engine::rate, threads);
    }

    /** A row that was not rated, and why. */
    public record Rejected(long row, String smeId, List<FieldError> errors) {
    }

    public record Summary(long read, long rated, long rejected) {
    }

    /**
     * Reads, rates and writes in a pipeline: while the workers rate one chunk, the calling thread writes
     * the results of the chunk before it and reads the next, so that reading and writing (one thread)
     * overlap the rating (all of them).
     */
    public Summary run(RecordReader<RatingRequest> in, RecordWriter<R> out, RecordWriter<Rejected> rejects) {
        return run(in, out, rejects, (soFar, inputShare) -> {
        });
    }

    /** Told after each chunk is written: the rows so far, and the share of the input read (NaN when unknown). */
    @FunctionalInterface
    public interface Progress {
        void chunkWritten(Summary soFar, double inputShare);
    }

    /** As {@link #run(RecordReader, RecordWriter, RecordWriter)}, telling {@code progress} after each chunk. */
    public Summary run(RecordReader<RatingRequest> in, RecordWriter<R> out, RecordWriter<Rejected> rejects, Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "greencredit-batch");
            t.setDaemon(true);
            return t;
        });
        Counts counts = new Counts();
        try {
            Chunk chunk = Chunk.read(in);
            List<Future<Object>> previous = List.of();
            while (true) {
                counts.read += chunk.rows().size();
                List<Future<Object>> current = new ArrayList<>(chunk.rows().size());
                for (PendingRow<RatingRequest> row : chunk.rows()) {
                    // Decoded on the worker: parsing a JSON line costs as much as rating it.
                    current.add(pool.submit(() -> rateRow(row)));
                }
                write(previous, out, rejects, counts);
                if (!previous.isEmpty()) {
                    progress.chunkWritten(new Summary(counts.read, counts.rated, counts.rejected), in.progress());
                }
                if (chunk.last()) {
                    write(current, out, rejects, counts);
                    if (chunk.brokenOff() != null) {
                        counts.read++;
                        rejects.write(new Rejected(counts.read, null, List.of(new FieldError("$",
                                "the input breaks off here, nothing after it was read: " + chunk.brokenOff()))));
                        counts.rejected++;
                    }
                    break;
                }
                previous = current;
                chunk = Chunk.read(in);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch interrupted after " + counts.read + " rows", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("rating failed after " + counts.read + " rows: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Summary(counts.read, counts.rated, counts.rejected);
    }

    private static final class Counts {
        long read;
        long rated;
        long rejected;
    }

    /**
     * Up to {@link #CHUNK} rows read in order; {@code last} when the input ended or broke off after them.
     *
     * @param brokenOff why the input broke off after these rows (a truncated or garbled stream), or null
     */
    private record Chunk(List<PendingRow<RatingRequest>> rows, boolean last, String brokenOff) {
        static Chunk read(RecordReader<RatingRequest> in) {
            List<PendingRow<RatingRequest>> rows = new ArrayList<>(CHUNK);
            try {
                while (rows.size() < CHUNK) {
                    if (!in.hasNext()) {
                        return new Chunk(rows, true, null);
                    }
                    rows.add(in.nextPending());
                }
                return new Chunk(rows, false, null);
            } catch (RecordFormatException e) {
                // What was read is rated, and the break is a row of its own.
                return new Chunk(rows, true, e.getMessage());
            }
        }
    }

    /** Writes a chunk's results in input order, waiting for each. */
    private void write(List<Future<Object>> results, RecordWriter<R> out, RecordWriter<Rejected> rejects, Counts counts)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        for (Future<Object> f : results) {
            Object result = f.get();
            if (result instanceof Rejected r) {
                rejects.write(r);
                counts.rejected++;
            } else {
                out.write(cast(result));
                counts.rated++;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private R cast(Object result) {
        return (R) result;
    }

    /** One row's result: never an exception, so that one row cannot cut the batch short. */
    private Object rateRow(PendingRow<RatingRequest> pending) {
        ReadRow<RatingRequest> row;
        try {
            row = pending.decode();
        } catch (RuntimeException e) {
            return new Rejected(pending.number(), null, List.of(new FieldError("$", "could not be read: " + e)));
        }
        if (!row.isOk()) {
            return new Rejected(row.number(), null, row.errors());
        }
        String smeId = row.value().sme() == null ? null : row.value().sme().id();
        try {
            return work.apply(row.number(), row.value());
        } catch (InvalidRequestException e) {
            return new Rejected(row.number(), smeId, e.errors());
        } catch (RuntimeException e) {
            return new Rejected(row.number(), smeId, List.of(new FieldError("$", "could not be rated: " + e)));
        }
    }
}
