package org.greencredit.service.web;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import org.greencredit.core.validation.FieldError;
import org.greencredit.core.validation.InvalidRequestException;
import org.greencredit.core.validation.RequestValidator;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.service.rating.RatingNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error as {@code application/problem+json} (RFC 9457). Input problems are 4xx and carry
 * an {@code errors} array of {@code {field, message, code}} naming each bad field and the kind of problem
 * ({@link FieldError}'s constants), which pages translate.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    static final URI INVALID = URI.create("https://greencredit.example/problems/invalid-request");

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return invalid(e.errors());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage(), RequestValidator.codeOf(v))).sorted().toList();
        return invalid(errors);
    }

    @ExceptionHandler(RatingNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(RatingNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Rating not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    /** Thrown straight from the body's stream by a reader of its own (the batch endpoint, CSV uploads). */
    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(e.problem());
    }

    @ExceptionHandler(BodyTooSlowException.class)
    ResponseEntity<ProblemDetail> tooSlow(BodyTooSlowException e) {
        return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).body(e.problem());
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> refused(ApiProblem e) {
        return ResponseEntity.status(e.status()).body(e.problem());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the service failed on this request; it has been logged");
        problem.setTitle("Internal error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = causeOfType(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge.problem());
        }
        BodyTooSlowException tooSlow = causeOfType(e, BodyTooSlowException.class);
        if (tooSlow != null) {
            return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).body(tooSlow.problem());
        }
        Utf8Check.InvalidUtf8Exception notUtf8 = causeOfType(e, Utf8Check.InvalidUtf8Exception.class);
        if (notUtf8 != null) {
            return ResponseEntity.badRequest().body(problem(List.of(new FieldError("$", notUtf8.getMessage(), FieldError.BODY))));
        }
        JacksonException json = causeOfType(e, JacksonException.class);
        FieldError error = json != null ? GreenCreditJson.toFieldError(json)
                : new FieldError("$", "request body is missing or not readable as JSON", FieldError.TYPE);
        return ResponseEntity.badRequest().body(problem(List.of(error)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .sorted().toList();
        return ResponseEntity.badRequest().body(problem(errors));
    }

    private static ResponseEntity<ProblemDetail> invalid(List<FieldError> errors) {
        return ResponseEntity.badRequest().body(problem(errors));
    }

    static ProblemDetail problem(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid; see errors");
        problem.setType(INVALID);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
