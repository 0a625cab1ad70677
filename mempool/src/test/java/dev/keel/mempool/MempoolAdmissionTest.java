package dev.keel.mempool;

import static dev.keel.mempool.FakeApp.hash;
import static dev.keel.mempool.FakeApp.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per branch of {@link Mempool#add}, in the order the branches are taken. */
class MempoolAdmissionTest {
    private final FakeApp app = new FakeApp();
    private final Mempool pool = app.mempool(FakeApp.small());

    @Test
    void emptyTransactionIsRejectedWithoutCallingTheApp() {
        var r = assertInstanceOf(Admission.Rejected.class, pool.add(Bytes.EMPTY, "c", 0));
        assertEquals("empty_tx", r.code());
        assertEquals(Hash.of(new byte[0]), r.hash());
        assertEquals(0, app.checks.get());
        assertTrue(pool.isEmpty());
    }

    @Test
    void transactionOverMaxTxBytesIsRejectedAndOneAtTheLimitAccepted() {
        Bytes big = tx(1, 0, 101);
        var r = assertInstanceOf(Admission.Rejected.class, pool.add(big, "c", 0));
        assertEquals("tx_too_large", r.code());
        assertEquals(hash(big), r.hash());
        assertEquals(0, app.checks.get());
        assertInstanceOf(Admission.Accepted.class, pool.add(tx(2, 0, 100), "c", 0));
        assertEquals(100, pool.bytes());
    }

    @Test
    void acceptedTransactionIsPendingWithItsSourceTimeAndPriority() {
        Bytes t = tx(1, 7, 40);
        assertEquals(new Admission.Accepted(hash(t)), pool.add(t, "client-a", 123));
        assertEquals(new Mempool.Pending(hash(t), t, "client-a", 123, 7), pool.pending(hash(t)).orElseThrow());
        assertEquals(1, pool.size());
        assertEquals(40, pool.bytes());
    }

    @Test
    void resubmittingAPendingTransactionIsANonCommittedDuplicateAndSkipsTheCheck() {
        Bytes t = tx(1, 0);
        pool.add(t, "a", 0);
        assertEquals(new Admission.Duplicate(hash(t), false), pool.add(t, "b", 1));
        assertEquals(1, app.checks.get());
        assertEquals(1, pool.size());
    }

    @Test
    void resubmittingARecentlyCommittedTransactionIsACommittedDuplicateWithoutAnIndexRead() {
        Bytes t = tx(1, 0);
        pool.add(t, "a", 0);
        pool.committed(List.of(hash(t)), 1);
        int reads = app.indexReads.get();
        assertEquals(new Admission.Duplicate(hash(t), true), pool.add(t, "a", 2));
        assertEquals(reads, app.indexReads.get());
        assertTrue(pool.pending(hash(t)).isEmpty());
    }

    @Test
    void transactionInTheNodeIndexIsACommittedDuplicateAndSkipsTheCheck() {
        Bytes t = tx(1, 0);
        app.indexed.add(hash(t));
        assertEquals(new Admission.Duplicate(hash(t), true), pool.add(t, "a", 0));
        assertEquals(0, app.checks.get());
        assertTrue(pool.isEmpty());
    }

    @Test
    void duplicateAnswersComeBeforeTheSourceQuota() {
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(Admission.Accepted.class, pool.add(tx(i, 0), "a", 0)); // a's share: 5 of 10
        }
        Bytes old = tx(99, 0);
        app.indexed.add(hash(old));
        assertEquals(new Admission.Duplicate(hash(old), true), pool.add(old, "a", 0));
        assertEquals(new Admission.Duplicate(hash(tx(0, 0)), false), pool.add(tx(0, 0), "a", 0));
    }

    @Test
    void sourceOverItsShareIsBusyWithoutCallingTheApp() {
        for (int i = 0; i < 5; i++) {
            pool.add(tx(i, 0), "a", 0);
        }
        int checks = app.checks.get();
        var b = assertInstanceOf(Admission.Busy.class, pool.add(tx(5, 0), "a", 0));
        assertEquals("source_quota", b.code());
        assertTrue(b.retryAfterMillis() >= 100 && b.retryAfterMillis() <= 1000, "retry " + b.retryAfterMillis());
        assertEquals(checks, app.checks.get());
        assertInstanceOf(Admission.Accepted.class, pool.add(tx(5, 0), "b", 0));
    }

    @Test
    void peersHaveTheirOwnLargerShare() {
        for (int i = 0; i < 10; i++) { // peerShare 1.0: a peer may fill the pool, a client only half
            assertInstanceOf(Admission.Accepted.class, pool.add(tx(i, 0), "peer:1", 0), "tx " + i);
        }
        assertEquals(10, pool.size());
    }

    @Test
    void sourceShareCountsBytesToo() {
        var config = new MempoolConfig(100, 100, 1000, 1000, 0.25, 1.0, 10, 10); // client: 25 txs, 250 bytes
        Mempool p = app.mempool(config);
        assertInstanceOf(Admission.Accepted.class, p.add(tx(1, 0, 100), "a", 0));
        assertInstanceOf(Admission.Accepted.class, p.add(tx(2, 0, 100), "a", 0));
        var b = assertInstanceOf(Admission.Busy.class, p.add(tx(3, 0, 51), "a", 0));
        assertEquals("source_quota", b.code());
        assertInstanceOf(Admission.Accepted.class, p.add(tx(4, 0, 50), "a", 0));
    }

    @Test
    void failingTheAppCheckIsRejectedWithTheAppsCodeAndMessage() {
        Bytes t = tx(1, 0);
        app.invalid.add(t);
        assertEquals(new Admission.Rejected(hash(t), "bad_signature", "signature does not verify"), pool.add(t, "a", 0));
        assertTrue(pool.isEmpty());
    }

    @Test
    void fullPoolWithNothingOfLowerPriorityIsBusy() {
        var config = new MempoolConfig(100, 4, 1000, 1000, 1.0, 1.0, 10, 10);
        Mempool p = app.mempool(config);
        for (int i = 0; i < 4; i++) {
            p.add(tx(i, 3), "a", 0);
        }
        var b = assertInstanceOf(Admission.Busy.class, p.add(tx(9, 3), "b", 0));
        assertEquals("mempool_full", b.code());
        assertEquals(1000, b.retryAfterMillis()); // full: the longest hint
        assertEquals(4, p.size());
        assertTrue(p.pending(hash(tx(9, 3))).isEmpty());
    }

    @Test
    void retryHintIsShortWhenThePoolIsNearlyEmpty() {
        var config = new MempoolConfig(100, 100, 10_000, 1000, 0.01, 1.0, 10, 10); // one tx per client
        Mempool p = app.mempool(config);
        p.add(tx(1, 0), "a", 0);
        var b = assertInstanceOf(Admission.Busy.class, p.add(tx(2, 0), "a", 0));
        assertEquals("source_quota", b.code());
        assertEquals(109, b.retryAfterMillis()); // 100 + 900 * 1/100
    }

    @Test
    void statsCountEveryVerdictByCode() {
        Bytes t = tx(1, 0);
        pool.add(t, "a", 0);
        pool.add(t, "a", 0);
        pool.add(Bytes.EMPTY, "a", 0);
        app.invalid.add(tx(2, 0));
        pool.add(tx(2, 0), "a", 0);
        pool.add(tx(3, 0), "a", 0);
        MempoolStats s = pool.stats();
        assertEquals(2, s.accepted());
        assertEquals(1, s.duplicates());
        assertEquals(Map.of("empty_tx", 1L, "bad_signature", 1L), s.rejections());
        assertEquals(2, s.size());
        assertEquals(32, s.bytes());
        assertEquals(List.of(new MempoolStats.SourceLoad("a", 2, 32)), s.topSources());
    }

    /** DESIGN "dispatch": the instanceof chain over Admission handles every permitted case. */
    @Test
    void tallyCountsEveryAdmissionCaseExactlyOnce() throws Exception {
        Class<?>[] cases = Admission.class.getPermittedSubclasses();
        assertEquals(4, cases.length, Arrays.toString(cases));
        Tally tally = new Tally();
        for (Class<?> c : cases) {
            Class<?>[] types = Arrays.stream(c.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            Constructor<?> ctor = c.getDeclaredConstructor(types);
            Admission a = (Admission) ctor.newInstance(Arrays.stream(types).map(MempoolAdmissionTest::sample).toArray());
            long before = counted(tally.stats(0, 0, List.of()));
            assertEquals(a, tally.count(a));
            assertEquals(before + 1, counted(tally.stats(0, 0, List.of())), c.getSimpleName() + " not counted once");
        }
    }

    private static long counted(MempoolStats s) {
        return s.accepted() + s.duplicates() + s.rejections().values().stream().mapToLong(Long::longValue).sum();
    }

    private static Object sample(Class<?> type) {
        if (type == Hash.class) {
            return Hash.ZERO;
        } else if (type == String.class) {
            return "some_code";
        } else if (type == boolean.class) {
            return false;
        } else if (type == long.class) {
            return 100L;
        }
        throw new AssertionError("no sample for " + type);
    }

    @Test
    void badConfigIsRefusedWithItsValuesInTheMessage() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new MempoolConfig(100, 0, 1000, 1000, 0.5, 0.5, 1, 1));
        assertTrue(e.getMessage().contains("maxTxs=0") && e.getMessage().contains("maxTxBytes=100"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MempoolConfig(100, 1, 1000, 1000, Double.NaN, 0.5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new MempoolConfig(100, 1, 99, 1000, 0.5, 0.5, 1, 1));
    }

    @Test
    void aTinyShareStillAdmitsOneLargestTransaction() {
        var config = new MempoolConfig(100, 10, 1000, 1000, 0.01, 0.5, 1, 1);
        assertEquals(1, config.maxTxsPerSource("client"));
        assertEquals(100, config.maxBytesPerSource("client"));
        assertEquals(5, config.maxTxsPerSource("peer:2"));
        assertEquals(500, config.maxBytesPerSource("peer:2"));
        assertInstanceOf(Admission.Accepted.class, app.mempool(config).add(tx(1, 0, 100), "client", 0));
    }
}
