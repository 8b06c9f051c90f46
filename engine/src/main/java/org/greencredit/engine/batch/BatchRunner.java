package org.greencredit.engine.batch;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.greencredit.engine.Attempt;
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
    /** Rows handed to a worker at once: few enough to share a chunk evenly, enough for work that is cheaper together. */
    private static final int SLICE = 64;

    private final SliceHandler<R> handler;
    private final int threads;

    /** What to do with one request, knowing its row number (1-based); throws {@link InvalidRequestException} for an invalid one. */
    @FunctionalInterface
    public interface RowWork<R> {
        R apply(long row, RatingRequest request);
    }

    /**
     * What to do with several requests at once, for work that costs less together: one attempt per request, in order, a
     * failed one holding what handling that request alone would have thrown ({@link InvalidRequestException} for an
     * invalid one).
     */
    @FunctionalInterface
    public interface SliceWork<R> {
        List<Attempt<R>> apply(List<RatingRequest> requests);
    }

    /** The rows of a slice that could be read, to results: each an {@code R} or a {@link Rejected}, in order. */
    @FunctionalInterface
    private interface SliceHandler<R> {
        List<Object> handle(List<ReadRow<RatingRequest>> rows);
    }

    /** @param work what to do with one request; throws {@link InvalidRequestException} for an invalid one */
    public BatchRunner(Function<RatingRequest, R> work, int threads) {
        this((row, request) -> work.apply(request), threads);
    }

    public BatchRunner(RowWork<R> work, int threads) {
        this(threads, rows -> {
            List<Object> results = new ArrayList<>(rows.size());
            for (ReadRow<RatingRequest> row : rows) {
                try {
                    results.add(work.apply(row.number(), row.value()));
                } catch (RuntimeException e) {
                    results.add(Rejected.of(row, e));
                }
            }
            return results;
        });
    }

    private BatchRunner(int threads, SliceHandler<R> handler) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.handler = handler;
        this.threads = threads;
    }

    /** Hands {@code work} the readable rows of each slice together. */
    public static <R> BatchRunner<R> ofSlices(SliceWork<R> work, int threads) {
        return new BatchRunner<>(threads, rows -> {
            List<Attempt<R>> attempts;
            try {
                attempts = work.apply(rows.stream().map(ReadRow::value).toList());
                if (attempts.size() != rows.size()) {
                    throw new IllegalStateException("the work gave " + attempts.size() + " results for " + rows.size() + " requests");
                }
            } catch (RuntimeException e) {
                // Not expected of work that reports failures per request, but then every row of the slice says so.
                return rows.stream().<Object>map(row -> Rejected.of(row, e)).toList();
            }
            List<Object> results = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Attempt<R> attempt = attempts.get(i);
                results.add(attempt instanceof Attempt.Done<R> done ? done.value()
                        : Rejected.of(rows.get(i), ((Attempt.Failed<R>) attempt).error()));
            }
            return results;
        });
    }

    /** Rates the requests with the engine, the farms of a slice through the crop models together. */
    public static BatchRunner<Rating> rating(RatingEngine engine, int threads) {
        return ofSlices(engine::rateAll, threads);
    }

    /** A row that was not rated, and why. */
    public record Rejected(long row, String smeId, List<FieldError> errors) {
        /** A request that was read but failed: its field errors when it was invalid, else what went wrong rating it. */
        public static Rejected of(ReadRow<RatingRequest> row, RuntimeException e) {
            String smeId = row.value().sme() == null ? null : row.value().sme().id();
            if (e instanceof InvalidRequestException invalid) {
                return new Rejected(row.number(), smeId, invalid.errors());
            }
            return new Rejected(row.number(), smeId, List.of(new FieldError("$", "could not be rated: " + e)));
        }
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
            List<Future<List<Object>>> previous = List.of();
            while (true) {
                counts.read += chunk.rows().size();
                List<Future<List<Object>>> current = new ArrayList<>();
                for (int from = 0; from < chunk.rows().size(); from += SLICE) {
                    List<PendingRow<RatingRequest>> slice = chunk.rows().subList(from, Math.min(from + SLICE, chunk.rows().size()));
                    // Decoded on the worker: parsing a JSON line costs as much as rating it.
                    current.add(pool.submit(() -> handle(slice)));
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

    /** Writes a chunk's results in input order, waiting for each slice. */
    private void write(List<Future<List<Object>>> slices, RecordWriter<R> out, RecordWriter<Rejected> rejects, Counts counts)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        for (Future<List<Object>> slice : slices) {
            for (Object result : slice.get()) {
                if (result instanceof Rejected r) {
                    rejects.write(r);
                    counts.rejected++;
                } else {
                    out.write(cast(result));
                    counts.rated++;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private R cast(Object result) {
        return (R) result;
    }

    /**
     * A slice's results in row order: never an exception, so that one row cannot cut the batch short. Rows that cannot be
     * decoded are rejected here; the others go to the work together.
     */
    private List<Object> handle(List<PendingRow<RatingRequest>> slice) {
        Object[] results = new Object[slice.size()];
        List<ReadRow<RatingRequest>> readable = new ArrayList<>(slice.size());
        List<Integer> at = new ArrayList<>(slice.size());
        for (int i = 0; i < slice.size(); i++) {
            PendingRow<RatingRequest> pending = slice.get(i);
            try {
                ReadRow<RatingRequest> row = pending.decode();
                if (row.isOk()) {
                    readable.add(row);
                    at.add(i);
                } else {
                    results[i] = new Rejected(row.number(), null, row.errors());
                }
            } catch (RuntimeException e) {
                results[i] = new Rejected(pending.number(), null, List.of(new FieldError("$", "could not be read: " + e)));
            }
        }
        if (!readable.isEmpty()) {
            List<Object> handled = handler.handle(readable);
            for (int k = 0; k < handled.size(); k++) {
                results[at.get(k)] = handled.get(k);
            }
        }
        return Arrays.asList(results);
    }
}
