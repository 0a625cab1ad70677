package dev.keel.app.bank;

import dev.keel.consensus.types.Hash;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hashes of transactions whose signature this validator has already verified, so a transfer
 * checked at mempool admission is not verified again when its block executes (Ed25519 verify
 * dominates the bank's cost). Sound because the transaction hash covers every byte, signature
 * included: the same hash means the same bytes, hence the same verdict. Only successes are kept.
 *
 * <p>Bounded by two generations: entries go into the current set; when it holds half the
 * capacity it becomes the previous set and the old previous set is dropped whole. Eviction is
 * O(1) and lock-free readers never block; the price is that an entry lives between one and two
 * generations. Size stays near {@code capacity} (concurrent adders during a rotation may add a
 * few more).
 */
final class VerifiedTxCache {
    private final int generationSize;
    private final AtomicInteger added = new AtomicInteger();
    private volatile Set<Hash> current = ConcurrentHashMap.newKeySet();
    private volatile Set<Hash> previous = ConcurrentHashMap.newKeySet();

    VerifiedTxCache(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity " + capacity + " < 2");
        }
        this.generationSize = capacity / 2;
    }

    void add(Hash txHash) {
        if (added.get() >= generationSize) {
            rotate(); // before adding, so the newest entry always lands in a generation with room
        }
        if (current.add(txHash)) {
            added.incrementAndGet();
        }
    }

    boolean contains(Hash txHash) {
        return current.contains(txHash) || previous.contains(txHash);
    }

    /** Removes and reports the entry: execution consumes it, since a tx executes at most once. */
    boolean remove(Hash txHash) {
        boolean inCurrent = current.remove(txHash);
        boolean inPrevious = previous.remove(txHash);
        return inCurrent || inPrevious;
    }

    int size() {
        return current.size() + previous.size();
    }

    private synchronized void rotate() {
        if (added.get() < generationSize) {
            return; // another thread rotated first
        }
        previous = current;
        current = ConcurrentHashMap.newKeySet();
        added.set(0);
    }
}
