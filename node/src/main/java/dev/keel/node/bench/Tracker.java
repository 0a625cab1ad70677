package dev.keel.node.bench;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transactions in flight, by hash. Removing one from here is what ends it, so each ends
 * exactly once even when a commit, a rejection and a time-out race (block-stream thread,
 * HTTP callback, sender thread).
 */
final class Tracker {
    private final ConcurrentHashMap<String, InFlight> live = new ConcurrentHashMap<>();
    private final Tally tally;
    private final Pacer pacer;

    Tracker(Tally tally, Pacer pacer) {
        this.tally = tally;
        this.pacer = pacer;
    }

    /** Starts tracking; false if the same bytes are already in flight (a factory bug: the tx is not sent). */
    boolean add(InFlight t) {
        return live.putIfAbsent(t.tx.hash(), t) == null;
    }

    boolean isLive(InFlight t) {
        return live.get(t.tx.hash()) == t;
    }

    /** Ends the transaction with this hash as committed; null if it is not ours or already ended. */
    InFlight commit(String hash, String code) {
        InFlight t = live.remove(hash);
        if (t != null) {
            tally.onCommitted(t, code);
            pacer.onDone(t.slot);
        }
        return t;
    }

    void reject(InFlight t, String code) {
        if (live.remove(t.tx.hash(), t)) {
            tally.onRejected(t, code);
            pacer.onDone(t.slot);
        }
    }

    /** Ends, as timed out, every transaction scheduled {@code timeoutNanos} or longer ago. */
    int sweep(long nowNanos, long timeoutNanos) {
        int n = 0;
        for (Iterator<InFlight> it = live.values().iterator(); it.hasNext(); ) {
            InFlight t = it.next();
            if (nowNanos - t.scheduledNanos >= timeoutNanos && live.remove(t.tx.hash(), t)) {
                tally.onTimedOut(t);
                pacer.onDone(t.slot);
                n++;
            }
        }
        return n;
    }

    /** Measured transactions still in flight (O(n): for the report, not the hot path). */
    long measuredLive() {
        return live.values().stream().filter(t -> t.measured).count();
    }

    int size() {
        return live.size();
    }
}
