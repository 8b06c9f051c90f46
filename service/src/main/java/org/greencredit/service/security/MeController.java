package org.greencredit.service.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts")
public class MeController {

    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Who the credentials belong to: name, role and, for an SME account, its firm")
    public Caller me(Authentication authentication) {
        return Caller.of(authentication);
    }
}
