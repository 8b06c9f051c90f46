package org.greencredit.service.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.greencredit.service.audit.AuditLog;
import org.greencredit.service.audit.VersionAudit;
import org.greencredit.service.config.ServiceSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. People sign in with HTTP Basic (the web pages trade it once for a bearer
 * session token), pipelines with an API key. No cookie is ever set, so there is nothing for CSRF
 * to forge and CSRF protection has nothing to protect. Which SME a
 * caller may see is checked by the services, as it depends on the data.
 */
@Configuration
public class SecurityConfiguration {
    private static final String[] PUBLIC = {"/", "/index.html", "/demo/**", "/favicon.ico", "/error",
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/actuator/health", "/actuator/health/**",
        "/api/v1/algorithm-filing", "/api/v1/templates/**", "/api/v1/vocabulary", "/app", "/app/**"};

    /** Paths the firewall refuses (encoded dots, double slashes, semicolons) are a 400 problem+json like every other error. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
        ProblemResponses problems = new ProblemResponses(json);
        return (request, response, e) -> problems.refusedPath(response, "the request's path was refused: " + e.getMessage());
    }

    /**
     * Spring Security's delegating format ("{bcrypt}$2a$10$...", as before), its BCrypt at the configured cost: every
     * password this service stores is a BCrypt hash, and each is checked at the cost it was made with.
     */
    @Bean
    PasswordEncoder passwordEncoder(ServiceSettings settings) {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(settings.passwords().bcryptCost())));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, Accounts accounts, SessionTokens sessions, JsonMapper json, ServiceSettings settings,
                            Clock clock, AuditLog audit, TransactionTemplate transaction) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        ServiceSettings.RateLimit limits = settings.rateLimit();
        SignInThrottle throttle = new SignInThrottle(limits.signInFailuresPerAddress(), limits.signInFailuresPerAccount(),
                Duration.ofMinutes(limits.signInLockMinutes()), clock, problems, (kind, who, failures, until) ->
                transaction.executeWithoutResult(tx -> audit.append(VersionAudit.SYSTEM, "SIGN_IN_LOCKED", kind, who, null, null,
                        failures + " failed sign-ins; locked until " + until)));
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(throttle, BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiKeyFilter(accounts, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new SessionTokenFilter(sessions, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new SelfCheckRateLimiter(limits.smePerMinute(), limits.anonymousPerMinute(), problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/ratings").hasAnyRole("SME", "OFFICER", "PIPELINE", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/ratings:batch").hasAnyRole("PIPELINE", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/ratings:simulate").hasAnyRole("SME", "OFFICER", "PIPELINE", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/ratings/*", "/api/v1/ratings/*/request", "/api/v1/smes/*/ratings")
                        .hasAnyRole("SME", "OFFICER", "PIPELINE", "ADMIN")
                        .requestMatchers("/actuator/prometheus").hasAnyRole("ADMIN", "PIPELINE")
                        .requestMatchers(HttpMethod.GET, "/api/v1/me").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/sessions").hasAnyRole("SME", "OFFICER", "ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/sessions/current").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/ratings/*/appeals").hasRole("SME")
                        .requestMatchers(HttpMethod.GET, "/api/v1/appeals/feedback").hasAnyRole("OFFICER", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/models", "/api/v1/models/comparison", "/api/v1/models/drift")
                        .hasAnyRole("OFFICER", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/models/changes", "/api/v1/models/changes/*/approve",
                                "/api/v1/models/changes/*/reject").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/ratings/*/outcome").hasAnyRole("OFFICER", "PIPELINE", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/rulesets").hasAnyRole("OFFICER", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/rulesets/changes", "/api/v1/rulesets/changes/*/approve",
                                "/api/v1/rulesets/changes/*/reject").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/appeals/*", "/api/v1/smes/*/appeals").hasAnyRole("SME", "OFFICER", "ADMIN")
                        .requestMatchers("/api/v1/audit/**", "/api/v1/referrals", "/api/v1/overrides/**", "/api/v1/ratings/*/overrides",
                                "/api/v1/appeals", "/api/v1/appeals/*/resolution")
                        .hasAnyRole("OFFICER", "ADMIN")
                        .anyRequest().denyAll());
        return http.build();
    }
}
