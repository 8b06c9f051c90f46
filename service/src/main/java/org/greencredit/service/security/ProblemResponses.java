package org.greencredit.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401, 403 and 429 as problem+json, like every other error of the API. */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        // The web pages sign in with their own form; a challenge would make the browser open its own dialog.
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"GreenCredit\", charset=\"UTF-8\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required",
                "sign in (HTTP Basic) or send an API key in the " + ApiKeyFilter.HEADER + " header"
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Forbidden", "your role may not " + request.getMethod() + " " + request.getRequestURI());
    }

    /**
     * 400 for a request the firewall refused before it reached the API (an encoded dot, a double slash, a
     * semicolon in the path). Its path is not repeated back: it may not even be a valid URI.
     */
    void refusedPath(HttpServletResponse response, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Request refused");
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /** 429 with Retry-After: a limit the caller has reached, and when to try again. */
    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, String detail, long retryAfterSeconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
