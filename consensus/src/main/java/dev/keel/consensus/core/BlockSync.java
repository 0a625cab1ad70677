package dev.keel.consensus.core;

import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Bookkeeping for missing blocks: which fetches are outstanding, which were answered in
 * this round timer's interval, and which proposals wait for their ancestors. All are small
 * and bounded, so a flood of proposals that reference unknown parents costs a fixed amount
 * of memory (the oldest waiter is dropped first), and an answer that does not help — the
 * peer lacks the block, or it sits on a fork below our commit — is not asked again until
 * the next timer: without that, each useless answer triggers new requests at once and the
 * requests multiply (found by the simulator under a fork).
 */
final class BlockSync {
    static final int MAX_OUTSTANDING = 8;
    static final int MAX_WAITING = 8;

    static final int MAX_TRIED = 64;
    /** Certified blocks fetched before their parent: kept so a long catch-up is linear, not quadratic. */
    static final int MAX_ORPHANS = 4096;

    private final LinkedHashMap<Hash, Block> orphans = new LinkedHashMap<>();

    private final Set<Hash> outstanding = new LinkedHashSet<>();
    private final Set<Hash> tried = new LinkedHashSet<>();
    private final TreeMap<Long, Proposal> waiting = new TreeMap<>();

    /** Records a new fetch; false if it is outstanding, was tried since the last timer, or too many are out. */
    boolean start(Hash id) {
        if (outstanding.contains(id) || tried.contains(id) || outstanding.size() >= MAX_OUTSTANDING) {
            return false;
        }
        outstanding.add(id);
        return true;
    }

    /** True if {@code id} was asked for (and is now no longer outstanding). */
    boolean finish(Hash id) {
        if (!outstanding.remove(id)) {
            return false;
        }
        if (tried.size() >= MAX_TRIED) {
            tried.remove(tried.iterator().next());
        }
        tried.add(id);
        return true;
    }

    /** On a round timer: forget outstanding and tried fetches so they can be asked again, of another peer. */
    void forgetOutstanding() {
        outstanding.clear();
        tried.clear();
    }

    /** Parks a proposal whose parent is missing; returns false if it displaced nothing and was dropped. */
    boolean park(Proposal p) {
        waiting.put(p.round(), p);
        if (waiting.size() > MAX_WAITING) {
            return waiting.pollFirstEntry().getValue() != p;
        }
        return true;
    }

    /** Removes and returns, in round order, the parked proposals whose parent is now known. */
    List<Proposal> takeRunnable(Predicate<Hash> known) {
        List<Proposal> ready = new ArrayList<>();
        for (var it = waiting.values().iterator(); it.hasNext(); ) {
            Proposal p = it.next();
            if (known.test(p.block().parentId())) {
                ready.add(p);
                it.remove();
            }
        }
        return ready;
    }

    /** Keeps blocks whose parent is missing (each already verified to carry a valid QC); oldest dropped first. */
    void keepOrphans(List<Block> blocks) {
        for (var b : blocks) {
            orphans.putIfAbsent(b.id(), b);
            if (orphans.size() > MAX_ORPHANS) {
                orphans.remove(orphans.keySet().iterator().next());
            }
        }
    }

    /**
     * Removes and returns, parents before children, the orphans that now connect to a known
     * block. One pass in ascending height suffices: a parent is always one height below its child.
     */
    List<Block> takeConnectable(Predicate<Hash> known) {
        List<Block> sorted = new ArrayList<>(orphans.values());
        sorted.sort(Comparator.comparingLong(Block::height));
        List<Block> out = new ArrayList<>();
        Set<Hash> added = new HashSet<>();
        for (Block b : sorted) {
            if (known.test(b.parentId()) || added.contains(b.parentId())) {
                out.add(b);
                added.add(b.id());
                orphans.remove(b.id());
            }
        }
        return out;
    }

    void dropOrphansAtOrBelow(long height) {
        orphans.values().removeIf(b -> b.height() <= height);
    }

    List<Hash> waitingParents() {
        List<Hash> out = new ArrayList<>();
        waiting.values().forEach(p -> out.add(p.block().parentId()));
        return out;
    }

    void dropWaitingBelow(long round) {
        waiting.headMap(round).clear();
    }
}
