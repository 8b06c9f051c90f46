package org.greencredit.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.LongSupplier;
import org.greencredit.service.batch.BatchController;
import org.greencredit.service.config.ServiceSettings;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limits every request body is read under. Size: bodies over the limit are refused with 413, at
 * once when Content-Length says so, otherwise as soon as the streamed body passes it, so a chunked
 * upload cannot exhaust memory (the batch endpoint streams and is exempt). Encoding: JSON bodies are
 * checked for well-formed UTF-8 as they pass. Pace: a body that arrives slower than the minimum data
 * rate, once its grace period is over, is cut off with 408, so slow senders cannot hold connections.
 */
@Component
public class BodyLimitsFilter extends OncePerRequestFilter {
    private final long maxBytes;
    private final DataRate minimumRate;
    private final JsonMapper json;

    public BodyLimitsFilter(ServiceSettings settings, JsonMapper json) {
        this.maxBytes = settings.api().maxBodyBytes();
        this.minimumRate = new DataRate(settings.api().minBodyBytesPerSecond(), settings.api().minBodyRateGraceSeconds());
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().equals(BatchController.PATH) ? Long.MAX_VALUE : maxBytes;
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json.writeValueAsString(new BodyTooLargeException(limit).problem()));
            return;
        }
        String type = request.getContentType();
        boolean json = type != null && (type.startsWith(MediaType.APPLICATION_JSON_VALUE) || type.contains("+json"));
        chain.doFilter(new GuardedRequest(request, limit, json ? new Utf8Check() : null, minimumRate), response);
    }

    /**
     * The slowest pace a body may arrive at: {@code bytesPerSecond} on average, measured from the first
     * read, after {@code graceSeconds} in which anything goes (a client's slow start).
     */
    record DataRate(long bytesPerSecond, long graceSeconds) {
        /** Whether {@code bytes} read within {@code elapsedNanos} are too few. */
        boolean tooSlow(long bytes, long elapsedNanos) {
            long graceNanos = graceSeconds * 1_000_000_000L;
            return elapsedNanos > graceNanos && bytes < bytesPerSecond * ((elapsedNanos - graceNanos) / 1_000_000_000.0);
        }
    }

    private static final class GuardedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private final Utf8Check utf8;
        private final DataRate minimumRate;
        private ServletInputStream stream;

        /** @param utf8 checks a JSON body as it is read; null for other bodies */
        GuardedRequest(HttpServletRequest request, long maxBytes, Utf8Check utf8, DataRate minimumRate) {
            super(request);
            this.maxBytes = maxBytes;
            this.utf8 = utf8;
            this.minimumRate = minimumRate;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new GuardedStream(super.getInputStream(), maxBytes, utf8, minimumRate, System::nanoTime);
            }
            return stream;
        }
    }

    static final class GuardedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private final Utf8Check utf8;
        private final DataRate minimumRate;
        private final LongSupplier nanoTime;
        private long started = -1;
        private long read;

        GuardedStream(ServletInputStream in, long maxBytes, Utf8Check utf8, DataRate minimumRate, LongSupplier nanoTime) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.utf8 = utf8;
            this.minimumRate = minimumRate;
            this.nanoTime = nanoTime;
        }

        @Override
        public int read() throws IOException {
            startClock();
            int b = in.read();
            if (b >= 0) {
                count(1);
                if (utf8 != null) {
                    utf8.accept(b);
                }
            } else if (utf8 != null) {
                utf8.end();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            startClock();
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
                if (utf8 != null) {
                    utf8.accept(buffer, offset, n);
                }
            } else if (n < 0 && utf8 != null) {
                utf8.end();
            }
            return n;
        }

        private void startClock() {
            if (started < 0) {
                started = nanoTime.getAsLong();
            }
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
            // Checked when a read returns: a sender that trickles is cut at its next byte, one that stops at the socket's read timeout.
            if (minimumRate.tooSlow(read, nanoTime.getAsLong() - started)) {
                throw new BodyTooSlowException(read, minimumRate);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
