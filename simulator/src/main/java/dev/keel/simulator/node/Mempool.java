package dev.keel.simulator.node;

import dev.keel.consensus.core.Commit;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.storage.ChainStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simulated node's volatile transaction pool, FIFO. Refuses what is already committed
 * (through the store's durable tx index), so a late or re-sent copy is never proposed again.
 */
public final class Mempool {
    private static final int CAPACITY = 20_000;
    private final Map<Hash, Bytes> txs = new LinkedHashMap<>();
    private final ChainStore store;

    public Mempool(ChainStore store) {
        this.store = store;
    }

    public void add(Bytes tx) {
        Hash h = Hash.of(tx.unsafeArray());
        if (txs.size() < CAPACITY && !txs.containsKey(h) && store.findTx(h).isEmpty()) {
            txs.put(h, tx);
        }
    }

    public List<Bytes> take(int max, List<Hash> excluded) {
        Set<Hash> skip = new HashSet<>(excluded);
        List<Bytes> out = new ArrayList<>();
        for (Iterator<Map.Entry<Hash, Bytes>> it = txs.entrySet().iterator(); it.hasNext() && out.size() < max; ) {
            var e = it.next();
            if (!skip.contains(e.getKey())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    public void onCommit(Commit c) {
        for (Block b : c.blocks()) {
            for (Bytes tx : b.payload().txs()) {
                txs.remove(Hash.of(tx.unsafeArray()));
            }
        }
    }

    public void clear() {
        txs.clear();
    }

    public int size() {
        return txs.size();
    }
}
