package org.greencredit.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates the web pages' {@code Authorization: Bearer} session tokens; an unknown or expired one is a 401. */
public final class SessionTokenFilter extends OncePerRequestFilter {
    private static final String PREFIX = "Bearer ";

    private final SessionTokens sessions;
    private final AuthenticationEntryPoint unauthorized;

    public SessionTokenFilter(SessionTokens sessions, AuthenticationEntryPoint unauthorized) {
        this.sessions = sessions;
        this.unauthorized = unauthorized;
    }

    /** The session token of an {@code Authorization: Bearer} header, if the request has one. */
    static Optional<String> bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.startsWith(PREFIX) ? Optional.of(header.substring(PREFIX.length()).strip()) : Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = bearerToken(request);
        if (token.isPresent()) {
            Optional<AccountDetails> account = sessions.account(token.get());
            if (account.isEmpty()) {
                SecurityContextHolder.clearContext();
                unauthorized.commence(request, response, new BadCredentialsException("the session has expired or was closed; sign in again"));
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(account.get(), null, account.get().getAuthorities()));
        }
        chain.doFilter(request, response);
    }
}
