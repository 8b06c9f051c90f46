package org.greencredit.service.batch;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.validation.FieldError;
import org.greencredit.core.validation.InvalidRequestException;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.datasets.io.RecordFormatException;
import org.greencredit.datasets.io.RecordReader;
import org.greencredit.datasets.io.RecordWriter;
import org.greencredit.engine.batch.BatchRunner;
import org.greencredit.service.config.ServiceSettings;
import org.greencredit.service.rating.RatingService;
import org.greencredit.service.security.Caller;
import org.greencredit.service.web.ApiProblem;
import org.springframework.stereotype.Service;

/**
 * Rates a stream of requests and streams one result per row back, in input order, with memory
 * bounded by the batch runner's chunk whatever the input size. Each row is stored in its own
 * transaction, so a batch cut short (client gone, service killed) keeps every row it committed;
 * with a batch key, row {@code n} uses the idempotency key {@code key#n}, so running the same
 * batch again rates only the rows not yet committed.
 */
@Service
public class BatchRatingService {
    private final RatingService ratings;
    private final int threads;

    public BatchRatingService(RatingService ratings, ServiceSettings settings) {
        this.ratings = ratings;
        this.threads = settings.batch().threads();
    }

    /**
     * Opens the body for reading: an Arrow stream's schema is read here, so a body that is not Arrow at
     * all is answered 400 before any result (and the 200 status) is written.
     *
     * @throws RecordFormatException when the body cannot be read as {@code format}
     */
    public RecordReader<RatingRequest> open(RecordFormat format, InputStream in) {
        return format.reader(in, RatingRequest.class, "request body");
    }

    /** Rates every row of an opened body, one result per row (a row where the body breaks off included); the caller closes the reader. */
    public BatchRunner.Summary rate(RecordFormat format, RecordReader<RatingRequest> reader, OutputStream out, Caller caller, String batchKey) {
        BatchRunner<BatchResult> runner = new BatchRunner<>((row, request) -> rateRow(row, request, caller, batchKey), threads);
        try (RecordWriter<BatchResult> writer = format.writer(out, BatchResult.class)) {
            RecordWriter<BatchRunner.Rejected> rejects = new RecordWriter<>() {
                @Override
                public void write(BatchRunner.Rejected r) {
                    writer.write(BatchResult.rejected(r.row(), r.smeId(), r.errors()));
                }

                @Override
                public void close() {
                    // the shared writer is closed once, below
                }
            };
            return runner.run(reader, writer, rejects);
        }
    }

    private BatchResult rateRow(long row, RatingRequest request, Caller caller, String batchKey) {
        String smeId = request.sme() == null ? null : request.sme().id();
        try {
            RatingService.Result result = ratings.rate(request, caller, batchKey == null ? null : batchKey + "#" + row);
            Rating r = result.rating();
            return new BatchResult(row, result.replayed() ? BatchResult.REPLAYED : BatchResult.RATED, r.smeId(), r.id(),
                    r.decision().outcome().name(), r.green().colour().name(), r.credit().pd(), r.credit().grade(), r.decision().limitCny(),
                    r.decision().rateDiscountBp(), r.decision().referralReasons(), List.of());
        } catch (InvalidRequestException e) {
            return BatchResult.rejected(row, smeId, e.errors());
        } catch (ApiProblem e) {
            return BatchResult.rejected(row, smeId, List.of(new FieldError("$", e.getMessage())));
        }
    }
}
