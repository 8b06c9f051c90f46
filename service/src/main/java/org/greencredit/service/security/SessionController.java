package org.greencredit.service.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
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
    public ResponseEntity<SessionTokens.Session> open(Authentication authentication) {
        return ResponseEntity.status(201).body(sessions.open(Caller.of(authentication)));
    }

    @DeleteMapping("/current")
    @Operation(summary = "Sign out: the bearer token of this request stops working")
    public ResponseEntity<Void> close(HttpServletRequest request) {
        SessionTokenFilter.bearerToken(request).ifPresent(sessions::revoke);
        return ResponseEntity.noContent().build();
    }
}
