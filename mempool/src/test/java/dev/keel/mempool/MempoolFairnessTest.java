package dev.keel.mempool;

import static dev.keel.mempool.FakeApp.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.app.CheckResult;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fairness rule: "A flood of invalid, duplicate or maximum-size transactions from
 * one client does not starve others or grow memory without bound."
 */
class MempoolFairnessTest {
    private final FakeApp app = new FakeApp();

    @Test
    void maximumSizeFloodFromOneClientHitsItsQuotaWhileAnotherClientIsStillAccepted() {
        var config = new MempoolConfig(1000, 1000, 10_000, 60_000, 0.25, 0.5, 100, 100); // client: 2500 bytes
        Mempool pool = app.mempool(config);
        int accepted = 0;
        int quota = 0;
        for (int i = 0; i < 1000; i++) {
            Admission a = pool.add(tx(i, 0, 1000), "flooder", i);
            if (a instanceof Admission.Accepted) {
                accepted++;
            } else if (a instanceof Admission.Busy b && b.code().equals("source_quota")) {
                quota++;
            }
        }
        assertEquals(2, accepted);
        assertEquals(998, quota);
        assertEquals(2, app.checks.get()); // quota refusals cost no signature checks
        assertInstanceOf(Admission.Accepted.class, pool.add(tx(5000, 0, 1000), "honest", 1000));
        assertInstanceOf(Admission.Accepted.class, pool.add(tx(5001, 0, 100), "honest", 1000));
        assertEquals(998L, pool.stats().rejections().get("source_quota"));
    }

    @Test
    void quotaFreesUpWhenTheFloodersTransactionsCommit() {
        var config = new MempoolConfig(1000, 1000, 10_000, 60_000, 0.25, 0.5, 100, 100);
        Mempool pool = app.mempool(config);
        pool.add(tx(1, 0, 1000), "flooder", 0);
        pool.add(tx(2, 0, 1000), "flooder", 0);
        assertInstanceOf(Admission.Busy.class, pool.add(tx(3, 0, 1000), "flooder", 0));
        pool.committed(pool.batch(10, 10_000, Set.of(), 1).stream().map(Mempool.Pending::hash).toList(), 1);
        assertInstanceOf(Admission.Accepted.class, pool.add(tx(3, 0, 1000), "flooder", 2));
    }

    @Test
    void floodOfInvalidAndDuplicateTransactionsLeavesEveryStructureBounded() {
        var config = new MempoolConfig(1000, 100, 100_000, 60_000, 0.25, 0.5, 50, 50);
        Mempool pool = app.mempool(config);
        Bytes honest = tx(0, 0);
        assertInstanceOf(Admission.Accepted.class, pool.add(honest, "honest", 0));
        for (int i = 1; i <= 20_000; i++) {
            Bytes bad = tx(i, 0, 1000);
            app.invalid.add(bad);
            assertInstanceOf(Admission.Rejected.class, pool.add(bad, "flooder", i));
            assertInstanceOf(Admission.Duplicate.class, pool.add(honest, "flooder", i));
            app.invalid.remove(bad);
        }
        assertEquals(1, pool.size());
        assertEquals(16, pool.bytes());
        assertEquals(Map.of("byHash", 1, "byProposalOrder", 1, "byAge", 1, "bySource", 1, "recentCommitted", 0,
                "dropLog", 0, "rejectionCodes", 1, "dropCodes", 0), pool.structureSizes());
        assertEquals(20_000L, pool.stats().duplicates());
        assertInstanceOf(Admission.Accepted.class, pool.add(tx(1, 0), "other", 30_000));
    }

    @Test
    void churnThroughAdmitCommitExpireAndEvictStaysWithinEveryCap() {
        var config = new MempoolConfig(200, 50, 5_000, 100, 0.5, 1.0, 30, 20);
        Mempool pool = app.mempool(config);
        long now = 0;
        for (int round = 0; round < 200; round++, now += 37) {
            for (int i = 0; i < 40; i++) {
                int id = round * 40 + i;
                pool.add(tx(id, id % 4, 5 + id % 196), "s" + id % 3, now);
            }
            List<Hash> taken = new ArrayList<>();
            pool.batch(7, 1_000, Set.of(), now).forEach(p -> taken.add(p.hash()));
            pool.committed(taken, now);
            Map<String, Integer> sizes = pool.structureSizes();
            assertTrue(pool.size() <= 50 && pool.bytes() <= 5_000, pool.size() + " / " + pool.bytes());
            assertTrue(sizes.get("byHash") <= 50 && sizes.get("bySource") <= 3, sizes.toString());
            assertTrue(sizes.get("recentCommitted") <= 30 && sizes.get("dropLog") <= 20, sizes.toString());
            pool.verify();
        }
        MempoolStats s = pool.stats();
        assertTrue(s.drops().getOrDefault("expired", 0L) > 0 && s.drops().getOrDefault("evicted", 0L) > 0,
                "the churn should exercise both drop paths: " + s.drops());
    }

    @Test
    void applicationCodesCannotGrowTheCountersWithoutBound() {
        Mempool pool = new Mempool(FakeApp.small(),
                t -> CheckResult.reject("code_" + (t.get(1) & 0xff) + "_" + (t.get(4) & 0xff), "bad"), h -> false);
        for (int i = 0; i < 1000; i++) {
            pool.add(tx(i, 0), "c", 0);
        }
        Map<String, Long> rejections = pool.stats().rejections();
        assertEquals(CodeCounts.MAX_CODES + 1, rejections.size());
        assertEquals(1000L, rejections.values().stream().mapToLong(Long::longValue).sum());
        assertTrue(rejections.get(CodeCounts.OVERFLOW) > 0);
    }
}
