package org.greencredit.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates pipelines by the {@value #HEADER} header; an unknown key is a 401, never a fall-through. */
public final class ApiKeyFilter extends OncePerRequestFilter {
    public static final String HEADER = "X-API-Key";

    private final Accounts accounts;
    private final AuthenticationEntryPoint unauthorized;

    public ApiKeyFilter(Accounts accounts, AuthenticationEntryPoint unauthorized) {
        this.accounts = accounts;
        this.unauthorized = unauthorized;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key != null) {
            Optional<String> pipeline = accounts.pipelineFor(key);
            if (pipeline.isEmpty()) {
                SecurityContextHolder.clearContext();
                unauthorized.commence(request, response, new BadCredentialsException("the " + HEADER + " header holds no known key"));
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    pipeline.get(), null, List.of(new SimpleGrantedAuthority(Role.PIPELINE.authority()))));
        }
        chain.doFilter(request, response);
    }
}
