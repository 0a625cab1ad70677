package dev.keel.mempool;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A snapshot of the pool for metrics and the status API. Counters are totals since start.
 *
 * @param size        pending transactions
 * @param bytes       pending bytes
 * @param accepted    admissions ({@link Admission.Accepted})
 * @param duplicates  resubmissions of a pending or committed transaction ({@link Admission.Duplicate})
 * @param rejections  admissions refused, by code: {@code empty_tx}, {@code tx_too_large}, the application's
 *                    check codes ({@link Admission.Rejected}), and {@code source_quota}, {@code mempool_full}
 *                    ({@link Admission.Busy})
 * @param drops       pending transactions removed without a commit, by code: {@code expired}, {@code evicted},
 *                    and the application's codes from {@link Mempool#recheck}
 * @param topSources  the sources holding the most pending transactions, most first (at most {@link #TOP_SOURCES})
 */
public record MempoolStats(int size, long bytes, long accepted, long duplicates, Map<String, Long> rejections,
                           Map<String, Long> drops, List<SourceLoad> topSources) {
    public static final int TOP_SOURCES = 10;

    public MempoolStats {
        rejections = Collections.unmodifiableMap(new TreeMap<>(rejections));
        drops = Collections.unmodifiableMap(new TreeMap<>(drops));
        topSources = List.copyOf(topSources);
    }

    /** What one source holds in the pool. */
    public record SourceLoad(String source, int txs, long bytes) {
        public SourceLoad {
            Objects.requireNonNull(source, "source");
        }
    }
}
