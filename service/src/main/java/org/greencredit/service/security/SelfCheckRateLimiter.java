package org.greencredit.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the self-service side of the API: each SME account, and each address calling public API
 * endpoints without signing in, gets a token bucket refilled evenly over a minute. Officers and
 * pipelines are not limited here (pipelines have the batch endpoint). Past the limit: 429 with
 * Retry-After, as problem+json. Buckets live in this instance's memory.
 */
public final class SelfCheckRateLimiter extends OncePerRequestFilter {
    /** Idle buckets are dropped when more than this many exist, so the map cannot grow without bound. */
    static final int MAX_BUCKETS = 10_000;

    private final int smePerMinute;
    private final int anonymousPerMinute;
    private final ProblemResponses problems;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SelfCheckRateLimiter(int smePerMinute, int anonymousPerMinute, ProblemResponses problems) {
        this.smePerMinute = smePerMinute;
        this.anonymousPerMinute = anonymousPerMinute;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = who != null && who.isAuthenticated() && !"anonymousUser".equals(who.getPrincipal());
        String key;
        int perMinute;
        if (!signedIn) {
            key = "ip:" + request.getRemoteAddr();
            perMinute = anonymousPerMinute;
        } else if (who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.SME.authority()))) {
            key = "sme:" + who.getName();
            perMinute = smePerMinute;
        } else {
            chain.doFilter(request, response);
            return;
        }
        if (buckets.size() > MAX_BUCKETS) {
            long now = System.nanoTime();
            buckets.values().removeIf(b -> b.isFull(now));
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute));
        long waitSeconds = bucket.take(System.nanoTime());
        if (waitSeconds > 0) {
            problems.tooManyRequests(request, response, "at most " + perMinute + " requests a minute; retry in " + waitSeconds + " s",
                    waitSeconds);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Tokens refill continuously at capacity per minute. */
    private static final class Bucket {
        private static final double NANOS_PER_MINUTE = 60e9;
        private final int capacity;
        private double tokens;
        private long last;

        Bucket(int capacity) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = System.nanoTime();
        }

        /** Takes a token; returns 0, or the seconds until one is available. */
        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * NANOS_PER_MINUTE / capacity / 1e9);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * capacity / NANOS_PER_MINUTE);
            last = now;
        }
    }
}
