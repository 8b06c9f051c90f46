package org.greencredit.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.greencredit.service.batch.BatchController;
import org.greencredit.service.config.ServiceSettings;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses bodies over the limit with 413: at once when Content-Length says so, otherwise as soon
 * as the streamed body passes the limit, so a chunked upload cannot exhaust memory.
 */
@Component
public class BodySizeLimitFilter extends OncePerRequestFilter {
    private final long maxBytes;
    private final JsonMapper json;

    public BodySizeLimitFilter(ServiceSettings settings, JsonMapper json) {
        this.maxBytes = settings.api().maxBodyBytes();
        this.json = json;
    }

    /** The batch endpoint streams: its input may be any size, and it never holds more than a chunk of it. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().equals(BatchController.PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json.writeValueAsString(new BodyTooLargeException(maxBytes).problem()));
            return;
        }
        String type = request.getContentType();
        boolean json = type != null && (type.startsWith(MediaType.APPLICATION_JSON_VALUE) || type.contains("+json"));
        chain.doFilter(new LimitedRequest(request, maxBytes, json ? new Utf8Check() : null), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private final Utf8Check utf8;
        private ServletInputStream stream;

        /** @param utf8 checks a JSON body as it is read; null for other bodies */
        LimitedRequest(HttpServletRequest request, long maxBytes, Utf8Check utf8) {
            super(request);
            this.maxBytes = maxBytes;
            this.utf8 = utf8;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes, utf8);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private final Utf8Check utf8;
        private long read;

        LimitedStream(ServletInputStream in, long maxBytes, Utf8Check utf8) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.utf8 = utf8;
        }

        @Override
        public int read() throws IOException {
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

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
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
