package dev.keel.mempool;

import dev.keel.consensus.types.Hash;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why recent transactions left the pool without being committed (evicted, expired, failed the
 * recheck), so a client polling its hash learns the reason. Bounded: the oldest is forgotten
 * first. Not thread-safe: used under {@link Mempool}'s lock.
 */
final class DropLog {
    private final int capacity;
    private final LinkedHashMap<Hash, Mempool.Dropped> entries;

    DropLog(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Hash, Mempool.Dropped> eldest) {
                return size() > DropLog.this.capacity;
            }
        };
    }

    void record(Hash hash, Mempool.Dropped why) {
        if (capacity == 0) {
            return;
        }
        entries.remove(hash); // re-inserted at the young end: the latest drop is the one to remember
        entries.put(hash, why);
    }

    /** A later admission or commit supersedes the drop. */
    void forget(Hash hash) {
        entries.remove(hash);
    }

    Mempool.Dropped get(Hash hash) {
        return entries.get(hash);
    }

    int size() {
        return entries.size();
    }
}
