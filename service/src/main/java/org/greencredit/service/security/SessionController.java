package org.greencredit.service.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.greencredit.service.web.ApiProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts")
public class SessionController {
    private final SessionTokens sessions;

    public SessionController(SessionTokens sessions) {
        this.sessions = sessions;
    }

    @PostMapping
    @Operation(summary = "Sign in (HTTP Basic) and get a bearer token for the web pages, valid for greencredit.session.hours")
    public ResponseEntity<SessionTokens.Session> open(Authentication authentication, HttpServletRequest request) {
        // Only the password opens a session: a token minting tokens would outlive the sign-out of the first.
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw ApiProblem.forbidden("a session is opened with the account's password (HTTP Basic), not with a session token or an API key");
        }
        return ResponseEntity.status(201).body(sessions.open(Caller.of(authentication)));
    }

    @DeleteMapping("/current")
    @Operation(summary = "Sign out: the bearer token of this request stops working")
    public ResponseEntity<Void> close(HttpServletRequest request) {
        SessionTokenFilter.bearerToken(request).ifPresent(sessions::revoke);
        return ResponseEntity.noContent().build();
    }
}
