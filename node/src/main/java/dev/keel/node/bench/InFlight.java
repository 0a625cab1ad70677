package dev.keel.node.bench;

/**
 * One transaction between its scheduled send and its end (commit, rejection or time-out).
 * Its latency counts from {@code scheduledNanos}, not from when it was actually sent: in an
 * open loop a generator that falls behind still charges the wait to the system under test
 * (no coordinated omission). In a closed loop the two are the same moment.
 *
 * <p>Mutable fields are touched by the sender thread only ({@code attempts}) or published
 * through the submitter's queues ({@code notBeforeNanos}); who ends the transaction is decided
 * by {@link Tracker} removing it, exactly once.
 */
final class InFlight {
    final PreparedTx tx;
    /** When it was due, and (closed loop) the client waiting on it. */
    final Pacer.Slot slot;
    final long scheduledNanos;
    final int node;
    final boolean measured;
    int attempts;
    volatile long notBeforeNanos;

    InFlight(PreparedTx tx, Pacer.Slot slot, int node, boolean measured) {
        this.tx = tx;
        this.slot = slot;
        this.scheduledNanos = slot.scheduledNanos();
        this.node = node;
        this.measured = measured;
    }

    long latencyNanos(long committedAtNanos) {
        return Math.max(0, committedAtNanos - scheduledNanos);
    }
}
