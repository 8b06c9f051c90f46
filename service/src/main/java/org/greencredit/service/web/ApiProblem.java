package org.greencredit.service.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A refusal the caller can act on (forbidden, conflict), carried to the client as problem+json. */
public final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String title;

    public ApiProblem(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail);
    }

    /** The service could not take the request now; nothing was done, and the same request may be sent again. */
    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", detail);
    }

    public HttpStatus status() {
        return status;
    }

    ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setTitle(title);
        return problem;
    }
}
