package dev.keel.mempool;

import dev.keel.consensus.types.Hash;
import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * A bounded set of recently committed hashes, oldest forgotten first. It answers the common
 * duplicate (a client re-sending right after its commit) without a storage read; older hashes
 * are the node's tx index's job. Not thread-safe: used under {@link Mempool}'s lock.
 */
final class RecentHashes {
    private final int capacity;
    private final LinkedHashSet<Hash> hashes = new LinkedHashSet<>();

    RecentHashes(int capacity) {
        this.capacity = capacity;
    }

    void add(Hash hash) {
        if (capacity == 0 || !hashes.add(hash)) {
            return;
        }
        if (hashes.size() > capacity) {
            Iterator<Hash> eldest = hashes.iterator();
            eldest.next();
            eldest.remove();
        }
    }

    boolean contains(Hash hash) {
        return hashes.contains(hash);
    }

    int size() {
        return hashes.size();
    }
}
