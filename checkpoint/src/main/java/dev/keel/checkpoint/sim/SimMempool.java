package dev.keel.checkpoint.sim;

import dev.keel.checkpoint.EthAddress;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Signed transactions waiting for a block, per sender by nonce. Rules as geth applies them: a
 * nonce below the account's is refused, a second transaction for a pending (sender, nonce)
 * replaces it only with both fee caps raised by 10%, and a transaction is mined only once its
 * nonce is next and its fee cap covers the base fee (until then it waits). Bounded in total and
 * per sender. Not thread-safe: {@link SimChain}'s lock guards it.
 */
final class SimMempool {
    static final int MAX_TXS = 4096;
    static final int MAX_PER_SENDER = 64;

    private record Entry(SimTx tx, long arrival) {
    }

    private final Map<EthAddress, TreeMap<Long, Entry>> bySender = new HashMap<>();
    private final Map<Hash, Entry> byHash = new HashMap<>();
    private long arrivals;

    SimMempool copy() {
        SimMempool c = new SimMempool();
        byHash.values().stream().sorted(Comparator.comparingLong(Entry::arrival)).forEach(e -> c.put(e.tx()));
        return c;
    }

    /** Admits {@code tx} or says why not; {@code accountNonce} is the sender's nonce at the head. */
    void add(SimTx tx, long accountNonce) {
        if (byHash.containsKey(tx.hash())) {
            throw RpcError.rejected("already known");
        }
        if (tx.nonce() < accountNonce) {
            throw RpcError.rejected("nonce too low: next nonce " + accountNonce + ", tx nonce " + tx.nonce());
        }
        TreeMap<Long, Entry> queue = bySender.get(tx.from());
        Entry pending = queue == null ? null : queue.get(tx.nonce());
        if (pending != null) {
            if (!tx.replaces(pending.tx())) {
                throw RpcError.rejected("replacement transaction underpriced");
            }
            remove(pending.tx());
        } else if (byHash.size() >= MAX_TXS || (queue != null && queue.size() >= MAX_PER_SENDER)) {
            throw RpcError.rejected("txpool is full");
        }
        put(tx);
    }

    /** Puts a reorged-out transaction back; if its slot is taken, the higher fee cap stays. */
    void restore(SimTx tx) {
        TreeMap<Long, Entry> queue = bySender.get(tx.from());
        Entry pending = queue == null ? null : queue.get(tx.nonce());
        if (pending != null) {
            if (pending.tx().maxFeePerGas().compareTo(tx.maxFeePerGas()) >= 0) {
                return;
            }
            remove(pending.tx());
        }
        put(tx);
    }

    Optional<SimTx> get(Hash hash) {
        return Optional.ofNullable(byHash.get(hash)).map(Entry::tx);
    }

    int size() {
        return byHash.size();
    }

    /** The nonce a sender's next transaction should use: past its pending run of consecutive nonces. */
    long pendingNonce(EthAddress sender, long accountNonce) {
        TreeMap<Long, Entry> queue = bySender.get(sender);
        long n = accountNonce;
        while (queue != null && queue.containsKey(n)) {
            n++;
        }
        return n;
    }

    /**
     * Picks a block's transactions: always each sender's next nonce, the highest effective tip
     * first (arrival order on ties); a sender whose next transaction's fee cap is below the base
     * fee, or that does not fit the remaining gas, waits for a later block.
     */
    List<SimTx> select(ToLongFunction<EthAddress> accountNonce, BigInteger baseFee, long gasLimit) {
        Comparator<Entry> order = Comparator.comparing((Entry e) -> e.tx().effectiveTip(baseFee)).reversed()
                .thenComparingLong(Entry::arrival);
        PriorityQueue<Entry> heads = new PriorityQueue<>(order);
        bySender.forEach((sender, queue) -> {
            Entry next = queue.get(accountNonce.applyAsLong(sender));
            if (next != null) {
                heads.add(next);
            }
        });
        List<SimTx> picked = new ArrayList<>();
        long gasLeft = gasLimit;
        while (!heads.isEmpty()) {
            SimTx tx = heads.poll().tx();
            if (tx.maxFeePerGas().compareTo(baseFee) < 0 || tx.gasLimit() > gasLeft) {
                continue;
            }
            picked.add(tx);
            gasLeft -= tx.gasLimit();
            Entry following = bySender.get(tx.from()).get(tx.nonce() + 1);
            if (following != null) {
                heads.add(following);
            }
        }
        return picked;
    }

    /** Drops mined transactions and any whose nonce the chain has passed. */
    void prune(ToLongFunction<EthAddress> accountNonce) {
        List<SimTx> stale = new ArrayList<>();
        bySender.forEach((sender, queue) -> queue.headMap(accountNonce.applyAsLong(sender))
                .values().forEach(e -> stale.add(e.tx())));
        stale.forEach(this::remove);
    }

    private void put(SimTx tx) {
        Entry e = new Entry(tx, arrivals++);
        bySender.computeIfAbsent(tx.from(), k -> new TreeMap<>()).put(tx.nonce(), e);
        byHash.put(tx.hash(), e);
    }

    private void remove(SimTx tx) {
        byHash.remove(tx.hash());
        TreeMap<Long, Entry> queue = bySender.get(tx.from());
        if (queue != null) {
            queue.remove(tx.nonce());
            if (queue.isEmpty()) {
                bySender.remove(tx.from());
            }
        }
    }
}
