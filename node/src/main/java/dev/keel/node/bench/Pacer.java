package dev.keel.node.bench;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * When the next transaction is due. Asked by the sender thread only; {@link #onDone} may be
 * called from any thread.
 */
sealed interface Pacer {
    /** A transaction slot: when it was due, and the closed-loop client it belongs to (-1 if none). */
    record Slot(long scheduledNanos, int client) {
    }

    /** Whether a slot is due at {@code nowNanos}. */
    boolean due(long nowNanos);

    /** Takes the due slot; only after {@link #due} said yes. */
    Slot next(long nowNanos);

    /** The transaction of {@code slot} ended (committed, rejected or timed out). */
    void onDone(Slot slot);

    /**
     * Open loop: slot {@code i} is due at {@code start + i / rate}, whatever happened before. A
     * slot taken late keeps its scheduled time, so the lateness lands in the latency.
     */
    final class Open implements Pacer {
        private final long startNanos;
        private final double intervalNanos;
        private long issued;

        Open(long startNanos, double ratePerSecond) {
            if (!(ratePerSecond > 0)) {
                throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
            }
            this.startNanos = startNanos;
            this.intervalNanos = 1e9 / ratePerSecond;
        }

        long scheduledOf(long i) {
            return startNanos + (long) (i * intervalNanos);
        }

        @Override
        public boolean due(long nowNanos) {
            return scheduledOf(issued) <= nowNanos;
        }

        @Override
        public Slot next(long nowNanos) {
            return new Slot(scheduledOf(issued++), -1);
        }

        @Override
        public void onDone(Slot slot) {
        }
    }

    /** Closed loop: {@code clients} clients, each sending its next transaction when the last one ended. */
    final class Closed implements Pacer {
        private final ConcurrentLinkedQueue<Integer> idle = new ConcurrentLinkedQueue<>();

        Closed(int clients) {
            if (clients < 1) {
                throw new IllegalArgumentException("clients must be positive, got " + clients);
            }
            for (int c = 0; c < clients; c++) {
                idle.add(c);
            }
        }

        @Override
        public boolean due(long nowNanos) {
            return !idle.isEmpty();
        }

        @Override
        public Slot next(long nowNanos) {
            Integer c = idle.poll();
            if (c == null) {
                throw new IllegalStateException("next() without a due slot");
            }
            return new Slot(nowNanos, c);
        }

        @Override
        public void onDone(Slot slot) {
            idle.add(slot.client());
        }

        int idle() {
            return idle.size();
        }
    }
}
