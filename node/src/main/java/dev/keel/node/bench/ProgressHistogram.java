package dev.keel.node.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A coarse latency histogram (1 ms buckets up to {@value #BUCKETS} ms) for the once-a-second
 * progress line: percentiles "so far" without re-sorting millions of values each second. The
 * report uses {@link Latencies}, which is exact. Safe to read while written.
 */
final class ProgressHistogram {
    static final int BUCKETS = 120_000;
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS + 1);

    void add(long nanos) {
        counts.incrementAndGet((int) Math.min(BUCKETS, Math.max(0, nanos / 1_000_000)));
    }

    /** Upper bound (ms) of the bucket holding the nearest-rank {@code p}-th percentile; -1 if empty. */
    long percentileMillis(double p) {
        long total = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            total += counts.get(i);
        }
        if (total == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return i + 1;
            }
        }
        return BUCKETS + 1;
    }
}
