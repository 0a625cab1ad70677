package dev.keel.mempool;

import static dev.keel.mempool.FakeApp.hash;
import static dev.keel.mempool.FakeApp.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.app.CheckResult;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What happens to a pending transaction after admission: eviction, commit, recheck, drop memory. */
class MempoolLifecycleTest {
    private final FakeApp app = new FakeApp();

    @Test
    void higherPriorityNewcomerEvictsTheLowestPriorityMostRecentTransaction() {
        Mempool pool = app.mempool(new MempoolConfig(100, 3, 1000, 1000, 1.0, 1.0, 10, 10));
        Bytes keep = tx(1, 2);
        pool.add(keep, "a", 0);
        Bytes older = tx(2, 1);
        pool.add(older, "a", 1);
        Bytes newer = tx(3, 1);
        pool.add(newer, "a", 2);
        Bytes vip = tx(4, 5);
        assertInstanceOf(Admission.Accepted.class, pool.add(vip, "b", 3));
        assertEquals(3, pool.size());
        assertTrue(pool.pending(hash(older)).isPresent());
        assertTrue(pool.pending(hash(newer)).isEmpty());
        assertEquals("evicted", pool.dropped(hash(newer)).orElseThrow().code());
        assertEquals(1L, pool.stats().drops().get("evicted"));
    }

    @Test
    void equalPriorityNeverEvicts() {
        Mempool pool = app.mempool(new MempoolConfig(100, 2, 1000, 1000, 1.0, 1.0, 10, 10));
        pool.add(tx(1, 1), "a", 0);
        pool.add(tx(2, 1), "a", 0);
        var b = assertInstanceOf(Admission.Busy.class, pool.add(tx(3, 1), "b", 0));
        assertEquals("mempool_full", b.code());
        assertEquals(2, pool.size());
        assertEquals(0, pool.structureSizes().get("dropLog"));
    }

    @Test
    void byteFullPoolEvictsAsManyLowerPriorityTransactionsAsNeeded() {
        Mempool pool = app.mempool(new MempoolConfig(100, 100, 100, 1000, 1.0, 1.0, 10, 10));
        for (int i = 0; i < 5; i++) {
            pool.add(tx(i, 0, 20), "a", 0); // 100 bytes: full
        }
        assertInstanceOf(Admission.Accepted.class, pool.add(tx(9, 1, 50), "b", 0));
        assertEquals(3, pool.size()); // three 20-byte victims (the most recent): 40 + 50 bytes left
        assertEquals(90, pool.bytes());
        for (int i = 0; i < 2; i++) {
            assertTrue(pool.pending(hash(tx(i, 0, 20))).isPresent());
        }
        pool.verify();
    }

    @Test
    void noEvictionWhenMoreThanTheBoundedNumberOfVictimsWouldBeNeeded() {
        int n = Mempool.MAX_EVICTIONS + 1;
        Mempool pool = app.mempool(new MempoolConfig(n * 5, 1000, n * 5L, 1000, 1.0, 1.0, 10, 10));
        for (int i = 0; i < n; i++) {
            pool.add(tx(i, 0, 5), "a", 0);
        }
        var b = assertInstanceOf(Admission.Busy.class, pool.add(tx(n, 9, n * 5), "b", 0));
        assertEquals("mempool_full", b.code());
        assertEquals(n, pool.size());
    }

    @Test
    void committedTransactionsLeaveThePoolAndTheirResubmissionIsADuplicate() {
        Mempool pool = app.mempool(FakeApp.small());
        Bytes a = tx(1, 0);
        Bytes b = tx(2, 0);
        pool.add(a, "c", 0);
        pool.add(b, "c", 0);
        Hash foreign = hash(tx(3, 0)); // proposed by another validator, never pending here
        pool.committed(List.of(hash(a), foreign), 1);
        assertEquals(1, pool.size());
        assertEquals(16, pool.bytes());
        assertTrue(pool.pending(hash(a)).isEmpty());
        assertEquals(new Admission.Duplicate(hash(a), true), pool.add(a, "c", 2));
        assertEquals(new Admission.Duplicate(foreign, true), pool.add(tx(3, 0), "c", 2));
        assertEquals(List.of(hash(b)), pool.batch(10, 1000, Set.of(), 2).stream().map(Mempool.Pending::hash).toList());
    }

    @Test
    void recentCommittedMemoryForgetsOldestFirstAndTheIndexAnswersBeyondIt() {
        Mempool pool = app.mempool(new MempoolConfig(100, 10, 1000, 1000, 1.0, 1.0, 2, 10));
        pool.committed(List.of(hash(tx(1, 0)), hash(tx(2, 0)), hash(tx(3, 0))), 0);
        assertEquals(2, pool.structureSizes().get("recentCommitted"));
        assertEquals(new Admission.Duplicate(hash(tx(3, 0)), true), pool.add(tx(3, 0), "c", 0));
        assertEquals(0, app.indexReads.get()); // still remembered
        // tx 1 is forgotten: with an index that lost it too, it would be admitted again
        assertInstanceOf(Admission.Accepted.class, pool.add(tx(1, 0), "c", 0));
        assertEquals(1, app.indexReads.get());
    }

    @Test
    void recheckDropsFailuresWithTheAppsCodeAndKeepsTheRest() {
        Mempool pool = app.mempool(FakeApp.small());
        Bytes good = tx(1, 0);
        Bytes bad = tx(2, 0);
        pool.add(good, "c", 0);
        pool.add(bad, "c", 0);
        app.invalid.add(bad); // the state moved on
        assertEquals(1, pool.recheck(10));
        assertEquals(List.of(hash(good)), pool.snapshot().stream().map(Mempool.Pending::hash).toList());
        assertEquals(new Mempool.Dropped("bad_signature", "signature does not verify", 10),
                pool.dropped(hash(bad)).orElseThrow());
        assertEquals(1L, pool.stats().drops().get("bad_signature"));
        assertEquals(0, pool.recheck(11));
    }

    @Test
    void recheckDropsExpiredTransactionsAndCountsThem() {
        Mempool pool = app.mempool(FakeApp.small());
        pool.add(tx(1, 0), "c", 0);
        pool.add(tx(2, 0), "c", 500);
        assertEquals(1, pool.recheck(1000));
        assertEquals("expired", pool.dropped(hash(tx(1, 0))).orElseThrow().code());
        assertEquals(1, pool.size());
    }

    @Test
    void recheckAppliesTheNewPriorityAndKeepsArrivalOrderAmongEquals() {
        AtomicLong boost = new AtomicLong();
        Bytes a = tx(1, 1);
        Bytes b = tx(2, 1);
        Bytes c = tx(3, 2);
        Mempool pool = new Mempool(FakeApp.small(),
                t -> CheckResult.ok(t.equals(a) ? t.get(0) + boost.get() : t.get(0)), h -> false);
        pool.add(a, "x", 0);
        pool.add(b, "x", 0);
        pool.add(c, "x", 0);
        boost.set(1); // a now ties with c, but arrived first
        assertEquals(0, pool.recheck(1));
        assertEquals(List.of(hash(a), hash(c), hash(b)),
                pool.batch(10, 1000, Set.of(), 1).stream().map(Mempool.Pending::hash).toList());
        assertEquals(2, pool.pending(hash(a)).orElseThrow().priority());
        pool.verify();
    }

    @Test
    void resubmissionAfterADropClearsTheDropRecord() {
        Mempool pool = app.mempool(FakeApp.small());
        Bytes t = tx(1, 0);
        pool.add(t, "c", 0);
        pool.batch(1, 1000, Set.of(), 5000);
        assertTrue(pool.dropped(hash(t)).isPresent());
        assertInstanceOf(Admission.Accepted.class, pool.add(t, "c", 5000));
        assertTrue(pool.dropped(hash(t)).isEmpty());
    }

    @Test
    void dropMemoryIsBoundedAndKeepsTheLatest() {
        Mempool pool = app.mempool(new MempoolConfig(100, 100, 10_000, 1000, 1.0, 1.0, 10, 3));
        for (int i = 0; i < 10; i++) {
            pool.add(tx(i, 0), "c", i);
        }
        pool.recheck(2000);
        assertEquals(3, pool.structureSizes().get("dropLog"));
        assertTrue(pool.dropped(hash(tx(9, 0))).isPresent());
        assertTrue(pool.dropped(hash(tx(0, 0))).isEmpty());
        assertEquals(10L, pool.stats().drops().get("expired"));
    }

    @Test
    void statsListTheHeaviestSourcesFirst() {
        Mempool pool = app.mempool(new MempoolConfig(100, 100, 10_000, 1000, 1.0, 1.0, 10, 10));
        for (int i = 0; i < 12; i++) {
            pool.add(tx(i, 0), i % 3 == 0 ? "sA" : i % 3 == 1 ? "sB" : "sC", 0);
        }
        pool.add(tx(100, 0), "sA", 0);
        for (int s = 0; s < 20; s++) {
            pool.add(tx(200 + s, 0), "solo" + s, 0);
        }
        List<MempoolStats.SourceLoad> top = pool.stats().topSources();
        assertEquals(MempoolStats.TOP_SOURCES, top.size());
        assertEquals(new MempoolStats.SourceLoad("sA", 5, 80), top.get(0));
        assertEquals("sB", top.get(1).source());
        assertEquals("sC", top.get(2).source());
    }
}
