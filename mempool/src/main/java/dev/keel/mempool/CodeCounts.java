package dev.keel.mempool;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters by reason code, cheap on the hot path (a map read and a {@link LongAdder}). Codes
 * come from the application, so their number is capped: past {@link #MAX_CODES} distinct codes,
 * new ones count under {@link #OVERFLOW} ("memory is bounded by the config", whatever the app says).
 */
final class CodeCounts {
    static final int MAX_CODES = 64;
    static final String OVERFLOW = "other";

    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    void increment(String code) {
        LongAdder a = counts.get(code);
        if (a == null) {
            a = slot(code);
        }
        a.increment();
    }

    /** Slow path, once per new code: synchronized so the cap is exact under races. */
    private synchronized LongAdder slot(String code) {
        LongAdder a = counts.get(code);
        if (a != null) {
            return a;
        }
        String key = counts.size() < MAX_CODES ? code : OVERFLOW;
        return counts.computeIfAbsent(key, k -> new LongAdder());
    }

    /** A sorted copy: stable output for metrics and logs. */
    SortedMap<String, Long> snapshot() {
        TreeMap<String, Long> m = new TreeMap<>();
        counts.forEach((code, n) -> m.put(code, n.sum()));
        return Collections.unmodifiableSortedMap(m);
    }

    int size() {
        return counts.size();
    }
}
