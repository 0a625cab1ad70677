package dev.keel.node.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What happened to the transactions, counted from any thread. The report's {@link LoadReport.Counts}
 * cover measured transactions only (scheduled after the warm-up); the {@code total*} figures
 * cover everything and feed the live progress line.
 */
final class Tally {
    private final LongAdder submitted = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder duplicate = new LongAdder();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final LongAdder busy = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final Map<String, LongAdder> httpErrors = new ConcurrentHashMap<>();
    private final LongAdder committedOk = new LongAdder();
    private final Map<String, LongAdder> committedFailed = new ConcurrentHashMap<>();
    private final LongAdder timedOut = new LongAdder();
    private final LongAdder totalSent = new LongAdder();
    private final LongAdder totalCommitted = new LongAdder();
    private final LongAdder totalBusy = new LongAdder();

    void onSent(InFlight t) {
        if (t.attempts == 1) {
            totalSent.increment();
            count(t, submitted);
        } else {
            count(t, retried);
        }
    }

    void onAccepted(InFlight t) {
        count(t, accepted);
    }

    void onDuplicate(InFlight t) {
        count(t, duplicate);
    }

    void onRejected(InFlight t, String code) {
        count(t, rejected, code);
    }

    void onBusy(InFlight t) {
        totalBusy.increment();
        count(t, busy);
    }

    void onHttpError(InFlight t, String cause) {
        count(t, httpErrors, cause);
    }

    void onCommitted(InFlight t, String code) {
        totalCommitted.increment();
        if ("ok".equals(code)) {
            count(t, committedOk);
        } else {
            count(t, committedFailed, code);
        }
    }

    void onTimedOut(InFlight t) {
        count(t, timedOut);
    }

    long totalSent() {
        return totalSent.sum();
    }

    long totalCommitted() {
        return totalCommitted.sum();
    }

    long totalBusy() {
        return totalBusy.sum();
    }

    /** The measured transactions' counts so far. */
    LoadReport.Counts counts() {
        return new LoadReport.Counts(submitted.sum(), accepted.sum(), duplicate.sum(), sums(rejected), busy.sum(), retried.sum(),
                sums(httpErrors), committedOk.sum(), sums(committedFailed), timedOut.sum());
    }

    private static void count(InFlight t, LongAdder a) {
        if (t.measured) {
            a.increment();
        }
    }

    private static void count(InFlight t, Map<String, LongAdder> byCode, String code) {
        if (t.measured) {
            byCode.computeIfAbsent(code.isEmpty() ? "unknown" : code, c -> new LongAdder()).increment();
        }
    }

    private static Map<String, Long> sums(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
