package dev.keel.mempool;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * The pending transactions and their three indexes, kept in step: by hash (lookup, dedup), by
 * proposal order (batch, eviction) and by age (TTL). Every operation is O(log n) except the
 * snapshots. Not thread-safe: {@link Mempool} calls it only while holding its lock.
 */
final class PendingSet {
    /** One pending transaction; {@code seq} is its arrival number, unique, the FIFO tie-break. */
    record Entry(Mempool.Pending pending, long seq) {
        Hash hash() {
            return pending.hash();
        }

        long priority() {
            return pending.priority();
        }

        int length() {
            return pending.tx().length();
        }
    }

    /** Pending transactions and bytes one source holds; an entry exists only while count > 0. */
    static final class Usage {
        int count;
        long bytes;
    }

    /**
     * Highest priority first, then arrival order: the order proposals take. Its last element is
     * therefore the eviction victim (lowest priority, most recent). {@code Long.compare(b, a)},
     * not negation: {@code -Long.MIN_VALUE} overflows.
     */
    static final Comparator<Entry> PROPOSAL_ORDER = (a, b) -> {
        int c = Long.compare(b.priority(), a.priority());
        return c != 0 ? c : Long.compare(a.seq(), b.seq());
    };

    /** Oldest first. By receipt time, not seq: callers pass their own clock readings, which may interleave. */
    private static final Comparator<Entry> AGE_ORDER = Comparator
            .comparingLong((Entry e) -> e.pending().receivedAtMillis()).thenComparingLong(Entry::seq);

    private final Map<Hash, Entry> byHash = new HashMap<>();
    private final NavigableSet<Entry> byProposalOrder = new TreeSet<>(PROPOSAL_ORDER);
    private final NavigableSet<Entry> byAge = new TreeSet<>(AGE_ORDER);
    private final Map<String, Usage> bySource = new HashMap<>();
    private long bytes;
    private long nextSeq;

    int size() {
        return byHash.size();
    }

    long bytes() {
        return bytes;
    }

    Entry get(Hash hash) {
        return byHash.get(hash);
    }

    boolean contains(Hash hash) {
        return byHash.containsKey(hash);
    }

    int sourceCount(String source) {
        Usage u = bySource.get(source);
        return u == null ? 0 : u.count;
    }

    long sourceBytes(String source) {
        Usage u = bySource.get(source);
        return u == null ? 0 : u.bytes;
    }

    Entry insert(Hash hash, Bytes tx, String source, long receivedAtMillis, long priority) {
        Entry e = new Entry(new Mempool.Pending(hash, tx, source, receivedAtMillis, priority), nextSeq++);
        if (byHash.putIfAbsent(hash, e) != null) {
            throw new AssertionError("already pending: " + hash);
        }
        index(e);
        Usage u = bySource.computeIfAbsent(source, s -> new Usage());
        u.count++;
        u.bytes += e.length();
        bytes += e.length();
        return e;
    }

    void remove(Entry e) {
        if (!byHash.remove(e.hash(), e)) {
            throw new AssertionError("not pending: " + e.hash());
        }
        unindex(e);
        Usage u = bySource.get(e.pending().source());
        u.count--;
        u.bytes -= e.length();
        if (u.count == 0) {
            bySource.remove(e.pending().source()); // keeps bySource no larger than the pool
        }
        bytes -= e.length();
    }

    /** The recheck's newer verdict wins; arrival order (seq) is kept, so FIFO among equals holds. */
    void reprioritize(Entry e, long priority) {
        Mempool.Pending p = e.pending();
        Entry updated = new Entry(new Mempool.Pending(p.hash(), p.tx(), p.source(), p.receivedAtMillis(), priority),
                e.seq());
        if (!byHash.replace(e.hash(), e, updated)) {
            throw new AssertionError("not pending: " + e.hash());
        }
        unindex(e);
        index(updated);
    }

    private void index(Entry e) {
        if (!byProposalOrder.add(e) || !byAge.add(e)) {
            throw new AssertionError("indexes out of step at " + e.hash());
        }
    }

    private void unindex(Entry e) {
        if (!byProposalOrder.remove(e) || !byAge.remove(e)) {
            throw new AssertionError("indexes out of step at " + e.hash());
        }
    }

    /** The oldest entry, or null when empty. */
    Entry oldest() {
        return byAge.isEmpty() ? null : byAge.first();
    }

    /** Highest priority first, FIFO among equals. Callers must not change the set while iterating. */
    Iterator<Entry> inProposalOrder() {
        return byProposalOrder.iterator();
    }

    /** The eviction order: lowest priority first, most recent among equals. */
    Iterator<Entry> inEvictionOrder() {
        return byProposalOrder.descendingIterator();
    }

    /** All entries in proposal order: O(n), for recheck and tests, never on the add/batch path. */
    List<Entry> snapshot() {
        return new ArrayList<>(byProposalOrder);
    }

    /** The {@code n} sources holding the most transactions, most first: O(sources · log n), for stats. */
    List<MempoolStats.SourceLoad> topSources(int n) {
        Comparator<Map.Entry<String, Usage>> byCount = Comparator
                .comparingInt((Map.Entry<String, Usage> s) -> s.getValue().count)
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder());
        PriorityQueue<Map.Entry<String, Usage>> top = new PriorityQueue<>(byCount);
        for (Map.Entry<String, Usage> s : bySource.entrySet()) {
            top.add(s);
            if (top.size() > n) {
                top.poll();
            }
        }
        List<MempoolStats.SourceLoad> out = new ArrayList<>(top.size());
        while (!top.isEmpty()) {
            Map.Entry<String, Usage> s = top.poll();
            out.add(0, new MempoolStats.SourceLoad(s.getKey(), s.getValue().count, s.getValue().bytes));
        }
        return out;
    }

    /** Sizes of the internal structures, for the boundedness tests. */
    Map<String, Integer> structureSizes() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("byHash", byHash.size());
        m.put("byProposalOrder", byProposalOrder.size());
        m.put("byAge", byAge.size());
        m.put("bySource", bySource.size());
        return m;
    }

    /** Checks that the indexes and totals agree: O(n), for tests. */
    void verify() {
        check(byProposalOrder.size() == byHash.size() && byAge.size() == byHash.size(), "index sizes differ");
        long total = 0;
        Map<String, Usage> usage = new HashMap<>();
        for (Entry e : byProposalOrder) {
            check(byHash.get(e.hash()) == e && byAge.contains(e), "entry missing from an index: " + e.hash());
            total += e.length();
            Usage u = usage.computeIfAbsent(e.pending().source(), s -> new Usage());
            u.count++;
            u.bytes += e.length();
        }
        check(total == bytes, "bytes " + bytes + " != sum " + total);
        check(usage.size() == bySource.size(), "source count differs");
        usage.forEach((s, u) -> check(bySource.containsKey(s) && bySource.get(s).count == u.count
                && bySource.get(s).bytes == u.bytes, "usage of " + s + " differs"));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
