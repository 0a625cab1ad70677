package dev.keel.node.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Transactions made (and signed) off the sender's hot path: {@code threads} producers fill a
 * bounded queue, started before the warm-up so it is full when sending begins. The sender
 * only polls; a poll that finds the queue empty is a stall (reported: the generator, not the
 * chain, was the bottleneck). Producers stop at {@link #close}, or when a factory fails
 * (then {@link #failure} says why).
 */
final class TxSupply implements AutoCloseable {
    private final BlockingQueue<PreparedTx> queue;
    private final TxFactory factory;
    private final AtomicLong nextSeq = new AtomicLong();
    private final List<Thread> producers = new ArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean closed;

    TxSupply(TxFactory factory, int capacity, int threads) {
        if (capacity < 1 || threads < 1) {
            throw new IllegalArgumentException("capacity and threads must be positive");
        }
        this.factory = factory;
        this.queue = new ArrayBlockingQueue<>(capacity);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::produce, "bench-tx-producer-" + i);
            t.setDaemon(true);
            producers.add(t);
        }
    }

    void start() {
        producers.forEach(Thread::start);
    }

    private void produce() {
        try {
            while (!closed) {
                PreparedTx tx = PreparedTx.of(factory.make(nextSeq.getAndIncrement()));
                boolean placed = false;
                while (!closed && !placed) { // full: wait, re-checking close every 100 ms
                    placed = queue.offer(tx, 100, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** The next transaction, or null if none is ready within {@code timeoutNanos}. */
    PreparedTx poll(long timeoutNanos) throws InterruptedException {
        RuntimeException f = failure.get();
        if (f != null) {
            throw new IllegalStateException("making transactions failed: " + f.getMessage(), f);
        }
        return timeoutNanos <= 0 ? queue.poll() : queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /** Waits (at most {@code maxMillis}) until the queue is full or holds {@code wanted}. */
    void awaitFill(int wanted, long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        while (queue.size() < wanted && queue.remainingCapacity() > 0 && failure.get() == null
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    int ready() {
        return queue.size();
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : producers) {
            t.interrupt();
        }
        for (Thread t : producers) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
