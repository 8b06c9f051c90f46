package org.greencredit.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BodyLimitsFilterTest {
    private static final long SECOND = 1_000_000_000L;
    /** Kestrel's default: 240 bytes per second after 5 s. */
    private static final BodyLimitsFilter.DataRate KESTREL = new BodyLimitsFilter.DataRate(240, 5);

    private static ServletInputStream bytes(int n) {
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[n]);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void withinTheGraceAnyPaceGoes() {
        assertThat(KESTREL.tooSlow(0, 5 * SECOND)).isFalse();
    }

    @Test
    void afterTheGraceTheAverageOverTheTimeBeyondItIsJudged() {
        // 7 s: 2 s beyond the grace, so 480 bytes are due.
        assertThat(KESTREL.tooSlow(479, 7 * SECOND)).isTrue();
        assertThat(KESTREL.tooSlow(480, 7 * SECOND)).isFalse();
        // 5.5 s: 120 bytes due.
        assertThat(KESTREL.tooSlow(119, 5 * SECOND + SECOND / 2)).isTrue();
        assertThat(KESTREL.tooSlow(120, 5 * SECOND + SECOND / 2)).isFalse();
    }

    @Test
    void theStreamCutsATrickleAtTheReadThatShowsItAndNamesThePace() throws IOException {
        AtomicLong now = new AtomicLong(100 * SECOND);
        var stream = new BodyLimitsFilter.GuardedStream(bytes(1_000), Long.MAX_VALUE, null, KESTREL, now::get);
        byte[] buffer = new byte[100];
        assertThat(stream.read(buffer, 0, 100)).isEqualTo(100);
        now.addAndGet(6 * SECOND);
        // 200 bytes at 6 s: 240 were due.
        assertThatThrownBy(() -> stream.read(buffer, 0, 100)).isInstanceOf(BodyTooSlowException.class)
                .hasMessage("request body arrived slower than 240 bytes per second after a grace of 5 s (200 bytes received): cut off");
    }

    @Test
    void aSteadySenderIsNeverCut() throws IOException {
        AtomicLong now = new AtomicLong(0);
        var stream = new BodyLimitsFilter.GuardedStream(bytes(100_000), Long.MAX_VALUE, null, KESTREL, now::get);
        byte[] buffer = new byte[250];
        // 250 bytes each second for 400 s: above 240 per second throughout.
        for (int second = 0; second < 400; second++) {
            assertThat(stream.read(buffer, 0, 250)).isEqualTo(250);
            now.addAndGet(SECOND);
        }
    }

    @Test
    void theSizeLimitHoldsOnAStreamWithoutContentLength() throws IOException {
        var stream = new BodyLimitsFilter.GuardedStream(bytes(2_000), 1_500, null, KESTREL, () -> 0L);
        byte[] buffer = new byte[1_000];
        assertThat(stream.read(buffer, 0, 1_000)).isEqualTo(1_000);
        assertThatThrownBy(() -> stream.read(buffer, 0, 1_000)).isInstanceOf(BodyTooLargeException.class)
                .hasMessage("request body is larger than 1500 bytes");
    }
}
