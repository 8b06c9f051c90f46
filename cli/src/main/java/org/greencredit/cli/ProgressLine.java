package org.greencredit.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.greencredit.engine.batch.BatchRunner;

/**
 * A progress line on standard error for long runs: rows done, rows per second since the start, the share
 * of the input read and the time left at that pace. Printed at most every {@code everyNanos}; on a
 * terminal the line is rewritten in place, in a log each report is a line of its own.
 */
final class ProgressLine implements BatchRunner.Progress {
    private final String command;
    private final PrintStream err;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long everyNanos;
    private final long started;
    private long lastPrinted;
    private boolean printed;

    ProgressLine(String command, PrintStream err, boolean terminal, LongSupplier nanoTime, long everyNanos) {
        this.command = command;
        this.err = err;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.everyNanos = everyNanos;
        this.started = nanoTime.getAsLong();
        this.lastPrinted = started;
    }

    static ProgressLine onStandardError(String command) {
        boolean terminal = System.console() != null;
        return new ProgressLine(command, System.err, terminal, System::nanoTime, (terminal ? 1 : 10) * 1_000_000_000L);
    }

    @Override
    public void chunkWritten(BatchRunner.Summary soFar, double inputShare) {
        long now = nanoTime.getAsLong();
        if (now - lastPrinted < everyNanos) {
            return;
        }
        lastPrinted = now;
        err.print((terminal ? "\r" : "") + line(soFar, inputShare, (now - started) / 1e9) + (terminal ? "" : System.lineSeparator()));
        err.flush();
        printed = true;
    }

    /** Ends the rewritten line, so that what follows starts on a line of its own. */
    void finish() {
        if (terminal && printed) {
            err.println();
        }
    }

    String line(BatchRunner.Summary soFar, double inputShare, double seconds) {
        long rows = soFar.rated() + soFar.rejected();
        double perSecond = seconds > 0 ? rows / seconds : 0;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "greencredit %s: %,d rows, %,.0f rows/s", command, rows, perSecond));
        if (!Double.isNaN(inputShare) && inputShare > 0) {
            long left = Math.round(seconds * (1 - inputShare) / inputShare);
            out.append(String.format(Locale.ROOT, ", %.0f%% of the input read, about %d:%02d left", 100 * inputShare, left / 60, left % 60));
        }
        return out.toString();
    }
}
