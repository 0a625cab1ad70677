package dev.keel.node.bench;

import java.time.Duration;

/**
 * The run's timeline on the monotonic clock ({@link System#nanoTime}): sending starts at
 * {@code startNanos}; the measured window is [{@code measureStartNanos}, {@code measureEndNanos})
 * after the warm-up. Transactions scheduled inside it count in the report; commits arriving
 * inside it count for throughput.
 */
public record Window(long startNanos, long measureStartNanos, long measureEndNanos) {
    public Window {
        if (measureStartNanos < startNanos || measureEndNanos <= measureStartNanos) {
            throw new IllegalArgumentException("window out of order");
        }
    }

    public static Window of(long startNanos, Duration warmup, Duration duration) {
        long measureStart = startNanos + warmup.toNanos();
        return new Window(startNanos, measureStart, measureStart + duration.toNanos());
    }

    public boolean measures(long nanos) {
        return nanos >= measureStartNanos && nanos < measureEndNanos;
    }

    /** Whole seconds in the measured window (at least 1). */
    public int seconds() {
        return (int) Math.max(1, (measureEndNanos - measureStartNanos + 999_999_999L) / 1_000_000_000L);
    }

    public double measuredSeconds() {
        return (measureEndNanos - measureStartNanos) / 1e9;
    }

    /** Which second of the measured window {@code nanos} falls in, or -1 outside it. */
    public int secondOf(long nanos) {
        return measures(nanos) ? (int) ((nanos - measureStartNanos) / 1_000_000_000L) : -1;
    }
}
