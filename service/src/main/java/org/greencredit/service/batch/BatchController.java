package org.greencredit.service.batch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.datasets.io.RecordFormatException;
import org.greencredit.datasets.io.RecordReader;
import org.greencredit.service.security.Caller;
import org.greencredit.service.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Batch", description = "Rate a stream of requests: JSON lines or Arrow IPC stream in, the same format out")
public class BatchController {
    public static final String PATH = "/api/v1/ratings:batch";
    public static final String JSON_LINES = "application/x-ndjson";
    public static final String ARROW_STREAM = "application/vnd.apache.arrow.stream";

    private final BatchRatingService batches;

    public BatchController(BatchRatingService batches) {
        this.batches = batches;
    }

    @PostMapping(path = PATH)
    @Operation(summary = "Rate many requests, one result per input row, streamed back in the request's format",
            description = "Content-Type application/x-ndjson (one RatingRequest per line) or application/vnd.apache.arrow.stream"
                    + " (the flat columns of the CLI). Each row is committed on its own; with an Idempotency-Key, rerunning the same"
                    + " batch after an interruption rates only the rows not yet stored (the others come back REPLAYED).")
    public void batch(HttpServletRequest request, HttpServletResponse response,
                      @RequestHeader(name = "Idempotency-Key", required = false) String batchKey,
                      Authentication authentication) throws IOException {
        RecordFormat format = formatOf(request.getContentType());
        if (batchKey != null && (batchKey.isBlank() || batchKey.length() > 100)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key", "Idempotency-Key must be 1 to 100 characters");
        }
        RecordReader<RatingRequest> reader;
        try {
            reader = batches.open(format, request.getInputStream());
        } catch (RecordFormatException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Unreadable batch", e.getMessage());
        }
        // The controller opened the reader (before the status was committed), so it closes it, whatever happens after.
        try (reader) {
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(format == RecordFormat.JSON_LINES ? JSON_LINES + ";charset=UTF-8" : ARROW_STREAM);
            try (OutputStream out = response.getOutputStream()) {
                batches.rate(format, reader, out, Caller.of(authentication), batchKey);
            }
        }
    }

    static RecordFormat formatOf(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith(JSON_LINES) || type.startsWith("application/jsonl")) {
            return RecordFormat.JSON_LINES;
        }
        if (type.startsWith(ARROW_STREAM)) {
            return RecordFormat.ARROW_STREAM;
        }
        throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                "send " + JSON_LINES + " (JSON lines) or " + ARROW_STREAM + " (Arrow IPC stream), not '" + contentType + "'");
    }
}
