package org.greencredit.service.web;

import java.io.IOException;
import java.util.List;
import org.greencredit.core.validation.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A request body arriving slower than the minimum data rate; an IOException so it surfaces through the readers. */
final class BodyTooSlowException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long bytesPerSecond;

    BodyTooSlowException(long received, BodyLimitsFilter.DataRate minimum) {
        super("request body arrived slower than " + minimum.bytesPerSecond() + " bytes per second after a grace of "
                + minimum.graceSeconds() + " s (" + received + " bytes received): cut off");
        this.bytesPerSecond = minimum.bytesPerSecond();
    }

    ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.REQUEST_TIMEOUT, getMessage());
        problem.setTitle("Request body too slow");
        problem.setProperty("errors", List.of(new FieldError("$", "body must arrive at " + bytesPerSecond + " bytes per second or faster", FieldError.BODY)));
        return problem;
    }
}
