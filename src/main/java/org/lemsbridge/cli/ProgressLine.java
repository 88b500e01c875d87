package org.lemsbridge.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.lemsbridge.sim.RunProgress;

/**
 * Shows a run's progress as one line rewritten in place ({@code \r}) on stderr: simulated time of the total, percent,
 * steps per second since the line was last shown (the loop speeds up as the JIT compiles it) and the time left at
 * that rate; at most once per {@code interval} (and the last step always), erased by {@link #close()} so that
 * nothing of it stays on the screen.
 */
final class ProgressLine implements RunProgress.Listener, AutoCloseable {
    static final long DEFAULT_INTERVAL_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final long startNanos;
    private long shownNanos;
    private long shownStep;
    private int shownWidth;

    ProgressLine(PrintWriter err) {
        this(err, System::nanoTime, DEFAULT_INTERVAL_NANOS);
    }

    ProgressLine(PrintWriter err, LongSupplier nanoClock, long intervalNanos) {
        this.err = err;
        this.nanoClock = nanoClock;
        this.intervalNanos = intervalNanos;
        this.startNanos = nanoClock.getAsLong();
    }

    @Override
    public void progressed(RunProgress progress) {
        long now = nanoClock.getAsLong();
        if (shownWidth > 0 && now - shownNanos < intervalNanos && !progress.finished()) {
            return;
        }
        String text = shownWidth == 0 ? describe(progress, progress.step(), now - startNanos)
                : describe(progress, progress.step() - shownStep, now - shownNanos);
        shownNanos = now;
        shownStep = progress.step();
        err.print('\r' + text + " ".repeat(Math.max(0, shownWidth - text.length())));
        err.flush();
        shownWidth = Math.max(shownWidth, text.length());
    }

    /** Erases the line, leaving the cursor where the line began. */
    @Override
    public void close() {
        if (shownWidth > 0) {
            err.print('\r' + " ".repeat(shownWidth) + '\r');
            err.flush();
            shownWidth = 0;
        }
    }

    /** The line for {@code progress}, at the rate of {@code steps} done in {@code elapsedNanos}. */
    static String describe(RunProgress progress, long steps, long elapsedNanos) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "simulated %.4g s of %.4g s (%.1f%%)",
                progress.time(), progress.length(), 100 * progress.fraction()));
        double seconds = elapsedNanos / 1e9;
        if (seconds > 0 && steps > 0) {
            double rate = steps / seconds;
            text.append(String.format(Locale.ROOT, ", %.3g steps/s", rate));
            if (!progress.finished()) {
                text.append(String.format(Locale.ROOT, ", %.0f s left", (progress.steps() - progress.step()) / rate));
            }
        }
        return text.toString();
    }
}
