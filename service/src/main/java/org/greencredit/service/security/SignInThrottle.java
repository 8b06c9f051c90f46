package org.greencredit.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles guessing, before any credential is checked: a request carrying credentials (a password,
 * a session token or an API key) from an address, or for an account, that has failed too often
 * within the lock period is answered 429 with Retry-After without looking at the credentials, so a
 * locked account cannot be guessed even with the right password. Failures are the 401s that follow
 * credentials; a successful sign-in clears its account's count, never its address's. Each lock is
 * reported to {@link Listener} (the audit log). Counts live in this instance's memory.
 */
public final class SignInThrottle extends OncePerRequestFilter {
    /** Expired counts are dropped when more than this many exist, so the maps cannot grow without bound. */
    static final int MAX_ENTRIES = 10_000;

    /** Told when an address or an account is locked. */
    public interface Listener {
        void locked(String kind, String who, int failures, Instant until);
    }

    private final int perAddress;
    private final int perAccount;
    private final Duration lock;
    private final Clock clock;
    private final ProblemResponses problems;
    private final Listener listener;
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();

    public SignInThrottle(int perAddress, int perAccount, Duration lock, Clock clock, ProblemResponses problems, Listener listener) {
        this.perAddress = perAddress;
        this.perAccount = perAccount;
        this.lock = lock;
        this.clock = clock;
        this.problems = problems;
        this.listener = listener;
    }

    /** Failures of one address or account since the first of them; locked once they reach the limit. */
    private record Failures(int count, Instant since) {
        boolean expired(Instant now, Duration lock) {
            return !now.isBefore(since.plus(lock));
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null && request.getHeader(ApiKeyFilter.HEADER) == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        String account = basicUser(authorization);
        Instant now = clock.instant();
        long wait = Math.max(lockedFor(byAddress, address, perAddress, now), account == null ? 0 : lockedFor(byAccount, account, perAccount, now));
        if (wait > 0) {
            problems.tooManyRequests(request, response, "too many failed sign-ins from this address or for this account; retry in "
                    + wait + " s", wait);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            prune(now);
            fail(byAddress, address, perAddress, now, "address");
            if (account != null) {
                fail(byAccount, account, perAccount, now, "account");
            }
        } else if (account != null && response.getStatus() < 400) {
            byAccount.remove(account);
        }
    }

    /** Seconds until {@code who} may try again; 0 when it is not locked. */
    private long lockedFor(Map<String, Failures> counts, String who, int limit, Instant now) {
        Failures f = counts.get(who);
        if (f == null || f.count() < limit || f.expired(now, lock)) {
            return 0;
        }
        return Math.max(1, Duration.between(now, f.since().plus(lock)).toSeconds());
    }

    private void fail(Map<String, Failures> counts, String who, int limit, Instant now, String kind) {
        Failures after = counts.compute(who, (k, f) -> f == null || f.expired(now, lock) ? new Failures(1, now) : new Failures(f.count() + 1, f.since()));
        if (after.count() == limit) {
            listener.locked(kind, who, after.count(), after.since().plus(lock));
        }
    }

    private void prune(Instant now) {
        if (byAddress.size() + byAccount.size() > MAX_ENTRIES) {
            byAddress.values().removeIf(f -> f.expired(now, lock));
            byAccount.values().removeIf(f -> f.expired(now, lock));
        }
    }

    /** The user name of an HTTP Basic header, or null for any other credential or a malformed one. */
    static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
