package org.greencredit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.greencredit.engine.batch.BatchRunner;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void theLineCountsRowsDoneAndEstimatesTheTimeLeftFromTheShareRead() {
        ProgressLine progress = new ProgressLine("rate", System.err, false, () -> 0L, SECOND);
        // 20,480 rows in 10 s is 2,048 a second; a quarter read in 10 s leaves three quarters, 30 s.
        assertThat(progress.line(new BatchRunner.Summary(20_480, 20_000, 480), 0.25, 10.0))
                .isEqualTo("greencredit rate: 20,480 rows, 2,048 rows/s, 25% of the input read, about 0:30 left");
        assertThat(progress.line(new BatchRunner.Summary(100, 100, 0), Double.NaN, 4.0)).isEqualTo("greencredit rate: 100 rows, 25 rows/s");
    }

    @Test
    void inALogAReportIsALineAtMostEveryIntervalAndOnATerminalItIsRewritten() {
        AtomicLong now = new AtomicLong(0);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ProgressLine progress = new ProgressLine("rate", new PrintStream(log, true, StandardCharsets.UTF_8), false, now::get, 10 * SECOND);
        BatchRunner.Summary soFar = new BatchRunner.Summary(1_000, 1_000, 0);
        now.set(9 * SECOND);
        progress.chunkWritten(soFar, 0.5);
        assertThat(log.toString(StandardCharsets.UTF_8)).isEmpty();
        now.set(10 * SECOND);
        progress.chunkWritten(soFar, 0.5);
        now.set(15 * SECOND);
        progress.chunkWritten(soFar, 0.6);
        assertThat(log.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "greencredit rate: 1,000 rows, 100 rows/s, 50% of the input read, about 0:10 left");

        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ProgressLine terminal = new ProgressLine("rate", new PrintStream(screen, true, StandardCharsets.UTF_8), true, now::get, SECOND);
        now.addAndGet(SECOND);
        terminal.chunkWritten(soFar, Double.NaN);
        terminal.finish();
        assertThat(screen.toString(StandardCharsets.UTF_8)).isEqualTo("\rgreencredit rate: 1,000 rows, 1,000 rows/s" + System.lineSeparator());
    }
}
