package dev.keel.simulator;

import java.util.PriorityQueue;

/**
 * The simulation's only notion of time: events ordered by (virtual time, insertion
 * sequence). The sequence number breaks ties, so two runs of one seed pop events in
 * exactly the same order.
 */
public final class EventQueue {
    private record Entry(long atMicros, long seq, Runnable action) {
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) ->
            a.atMicros != b.atMicros ? Long.compare(a.atMicros, b.atMicros) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;
    private long processed;

    public long nowMicros() {
        return now;
    }

    public void at(long atMicros, Runnable action) {
        queue.add(new Entry(Math.max(atMicros, now), seq++, action));
    }

    public void after(long delayMicros, Runnable action) {
        at(now + delayMicros, action);
    }

    /** Runs events until the queue is empty or the next one is after {@code endMicros}. */
    public void runUntil(long endMicros, java.util.function.BooleanSupplier stop) {
        while (!queue.isEmpty() && queue.peek().atMicros <= endMicros && !stop.getAsBoolean()) {
            Entry e = queue.poll();
            now = e.atMicros;
            processed++;
            e.action.run();
        }
    }

    public long processed() {
        return processed;
    }
}
