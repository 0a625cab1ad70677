package dev.keel.mempool;

import static dev.keel.mempool.FakeApp.hash;
import static dev.keel.mempool.FakeApp.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Under random operation sequences: size and bytes equal the sums over what is pending and stay
 * within the limits, per-source usage stays within its share, and every batch is in priority-
 * then-arrival order with no excluded and no repeated hash, within its count and byte bounds.
 */
class MempoolPropertiesTest {
    private static final MempoolConfig CONFIG = new MempoolConfig(64, 12, 300, 500, 0.5, 1.0, 5, 5);
    private static final List<String> SOURCES = List.of("a", "b", "peer:1");

    sealed interface Op {
    }

    record Add(int id, int priority, int size, int source) implements Op {
    }

    record Batch(int maxCount, int maxBytes, int excludeEvery) implements Op {
    }

    record Commit(int count) implements Op {
    }

    record Recheck(int pick) implements Op {
    }

    record Tick(int millis) implements Op {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> add = Combinators.combine(Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(5, 64),
                Arbitraries.integers().between(0, SOURCES.size() - 1)).as(Add::new);
        Arbitrary<Op> batch = Combinators.combine(Arbitraries.integers().between(0, 15),
                Arbitraries.integers().between(0, 400), Arbitraries.integers().between(0, 4)).as(Batch::new);
        Arbitrary<Op> commit = Arbitraries.integers().between(0, 6).map(Commit::new);
        Arbitrary<Op> recheck = Arbitraries.integers().between(0, 30).map(Recheck::new);
        Arbitrary<Op> tick = Arbitraries.integers().between(0, 300).map(Tick::new);
        return Arbitraries.frequencyOf(
                Tuple.of(10, add), Tuple.of(3, batch), Tuple.of(2, commit),
                Tuple.of(1, recheck), Tuple.of(2, tick)).list().ofMaxSize(120);
    }

    @Property(tries = 500)
    void poolInvariantsAndBatchOrderHoldUnderRandomOperations(@ForAll("ops") List<Op> ops) {
        FakeApp app = new FakeApp();
        Mempool pool = app.mempool(CONFIG);
        Map<Hash, Long> arrival = new HashMap<>(); // admission order, as the test saw it
        long admissions = 0;
        long now = 0;
        for (Op op : ops) {
            if (op instanceof Add a) {
                Bytes t = tx(a.id(), a.priority(), a.size());
                if (pool.add(t, SOURCES.get(a.source()), now) instanceof Admission.Accepted acc) {
                    arrival.put(acc.hash(), admissions++);
                }
            } else if (op instanceof Batch b) {
                Set<Hash> excluded = excludeSome(pool, b.excludeEvery());
                List<Mempool.Pending> out = pool.batch(b.maxCount(), b.maxBytes(), excluded, now);
                checkBatch(out, b, excluded, arrival);
            } else if (op instanceof Commit c) {
                List<Mempool.Pending> front = pool.batch(c.count(), Long.MAX_VALUE, Set.of(), now);
                pool.committed(front.stream().map(Mempool.Pending::hash).toList(), now);
                front.forEach(p -> assertTrue(pool.pending(p.hash()).isEmpty()));
            } else if (op instanceof Recheck r) {
                List<Mempool.Pending> all = pool.snapshot();
                app.invalid.clear();
                if (!all.isEmpty()) { // the state moved on: one pending tx no longer passes
                    Mempool.Pending victim = all.get(r.pick() % all.size());
                    app.invalid.add(victim.tx());
                }
                int dropped = pool.recheck(now);
                assertEquals(all.size() - dropped, pool.size());
                assertTrue(all.isEmpty() || dropped >= 1);
            } else if (op instanceof Tick t) {
                now += t.millis();
            } else {
                throw new AssertionError("unhandled op " + op);
            }
            checkPool(pool);
        }
    }

    /** Every {@code every}-th pending hash (none when 0), plus one never seen. */
    private static Set<Hash> excludeSome(Mempool pool, int every) {
        Set<Hash> excluded = new HashSet<>();
        excluded.add(hash(tx(999, 0)));
        List<Mempool.Pending> all = pool.snapshot();
        for (int i = 0; every > 0 && i < all.size(); i += every) {
            excluded.add(all.get(i).hash());
        }
        return excluded;
    }

    private static void checkBatch(List<Mempool.Pending> out, Batch b, Set<Hash> excluded, Map<Hash, Long> arrival) {
        assertTrue(out.size() <= b.maxCount(), "count " + out.size());
        assertTrue(out.stream().mapToLong(p -> p.tx().length()).sum() <= b.maxBytes(), "bytes over budget");
        Set<Hash> seen = new HashSet<>();
        for (int i = 0; i < out.size(); i++) {
            Mempool.Pending p = out.get(i);
            assertFalse(excluded.contains(p.hash()), "excluded " + p.hash() + " proposed");
            assertTrue(seen.add(p.hash()), "repeated " + p.hash());
            if (i > 0) {
                Mempool.Pending prev = out.get(i - 1);
                assertTrue(prev.priority() > p.priority() || prev.priority() == p.priority()
                        && arrival.get(prev.hash()) < arrival.get(p.hash()), "out of order: " + prev + " then " + p);
            }
        }
    }

    private static void checkPool(Mempool pool) {
        pool.verify();
        List<Mempool.Pending> all = pool.snapshot();
        assertEquals(all.size(), pool.size());
        assertEquals(all.stream().mapToLong(p -> p.tx().length()).sum(), pool.bytes());
        assertTrue(pool.size() <= CONFIG.maxTxs() && pool.bytes() <= CONFIG.maxBytes());
        for (String s : SOURCES) {
            List<Mempool.Pending> mine = all.stream().filter(p -> p.source().equals(s)).toList();
            assertTrue(mine.size() <= CONFIG.maxTxsPerSource(s), s + " over its count share");
            assertTrue(mine.stream().mapToLong(p -> p.tx().length()).sum() <= CONFIG.maxBytesPerSource(s));
        }
        Map<String, Integer> sizes = pool.structureSizes();
        assertTrue(sizes.get("recentCommitted") <= CONFIG.recentCommitted()
                && sizes.get("dropLog") <= CONFIG.recentDropped() && sizes.get("bySource") <= SOURCES.size());
    }
}
