package org.greencredit.service.web;

import java.io.IOException;
import java.util.List;
import org.greencredit.core.validation.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A request body over the configured limit; an IOException so it surfaces through the message converters. */
final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    BodyTooLargeException(long limit) {
        super("request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, getMessage());
        problem.setTitle("Request body too large");
        problem.setProperty("errors", List.of(new FieldError("$", "body must be at most " + limit + " bytes", FieldError.BODY)));
        return problem;
    }
}
