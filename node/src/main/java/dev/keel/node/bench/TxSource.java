package dev.keel.node.bench;

/**
 * Where a run's transactions come from: the factory, how many producer threads run it ahead of
 * the sender, how many prepared transactions they may keep ready, and a phrase for the report.
 */
public record TxSource(TxFactory factory, int producers, int capacity, String description) {
    public TxSource {
        if (producers < 1 || producers > 64 || capacity < 1 || capacity > 1 << 20) {
            throw new IllegalArgumentException("producers 1..64 and capacity 1..2^20, got " + producers + ", " + capacity);
        }
    }
}
