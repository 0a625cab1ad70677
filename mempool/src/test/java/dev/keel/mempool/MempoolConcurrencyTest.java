package dev.keel.mempool;

import static dev.keel.mempool.FakeApp.hash;
import static dev.keel.mempool.FakeApp.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.app.CheckResult;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HTTP threads add while the consensus actor batches, commits and rechecks. */
class MempoolConcurrencyTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
    }

    /**
     * The check waits until all eight threads are inside it, so all eight pass the first screen
     * and race to insert: only the re-screen after the check keeps it to one Accepted.
     */
    @Test
    void eightThreadsAddingTheSameTransactionGetExactlyOneAccepted() throws Exception {
        for (int round = 0; round < 20; round++) {
            CyclicBarrier allInCheck = new CyclicBarrier(8);
            Mempool pool = new Mempool(FakeApp.small(), t -> {
                await(allInCheck);
                return CheckResult.ok(0);
            }, h -> false);
            Bytes t = tx(round, 0);
            List<Future<Admission>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String source = "c" + i;
                results.add(threads.submit(() -> pool.add(t, source, 0)));
            }
            int accepted = 0;
            for (Future<Admission> f : results) {
                Admission a = f.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
                if (a instanceof Admission.Accepted) {
                    accepted++;
                } else {
                    assertEquals(new Admission.Duplicate(hash(t), false), a);
                }
            }
            assertEquals(1, accepted);
            assertEquals(1, pool.size());
            assertEquals(1, pool.stats().accepted());
            assertEquals(7, pool.stats().duplicates());
        }
    }

    @Test
    void theAppCheckRunsWithoutTheLock() throws Exception {
        CountDownLatch inCheck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Bytes slow = tx(1, 0);
        Mempool pool = new Mempool(FakeApp.small(), t -> {
            if (t.equals(slow)) {
                inCheck.countDown();
                await(release);
            }
            return CheckResult.ok(0);
        }, h -> false);
        Future<Admission> blocked = threads.submit(() -> pool.add(slow, "a", 0));
        assertTrue(inCheck.await(LIMIT.toSeconds(), TimeUnit.SECONDS));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertInstanceOf(Admission.Accepted.class, pool.add(tx(2, 0), "b", 0));
            assertEquals(1, pool.batch(10, 1000, Set.of(), 0).size());
            pool.committed(List.of(hash(tx(2, 0))), 0);
        });
        release.countDown();
        assertInstanceOf(Admission.Accepted.class, blocked.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void recheckLeavesAloneWhatWasCommittedWhileItsChecksRan() throws Exception {
        CountDownLatch inCheck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean stateMoved = new AtomicBoolean();
        Mempool pool = new Mempool(FakeApp.small(), t -> {
            if (stateMoved.get()) {
                inCheck.countDown();
                await(release);
                return CheckResult.reject("bad_nonce", "nonce already used");
            }
            return CheckResult.ok(0);
        }, h -> false);
        List<Hash> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pool.add(tx(i, 0), "c", 0);
            all.add(hash(tx(i, 0)));
        }
        stateMoved.set(true);
        Future<Integer> recheck = threads.submit(() -> pool.recheck(1));
        assertTrue(inCheck.await(LIMIT.toSeconds(), TimeUnit.SECONDS));
        pool.committed(all.subList(0, 3), 1); // three commit while the recheck is checking
        release.countDown();
        assertEquals(1, recheck.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(pool.isEmpty());
        assertTrue(pool.dropped(all.get(0)).isEmpty());
        assertEquals("bad_nonce", pool.dropped(all.get(3)).orElseThrow().code());
    }

    /** The stale verdict was about the old entry; the re-admitted one passed its own check. */
    @Test
    void recheckLeavesAloneATransactionDroppedAndReadmittedWhileItsCheckRan() throws Exception {
        CountDownLatch inCheck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        Mempool pool = new Mempool(FakeApp.small(), t -> {
            if (calls.incrementAndGet() == 2) { // the recheck's call: blocks, then rejects
                inCheck.countDown();
                await(release);
                return CheckResult.reject("bad_nonce", "nonce already used");
            }
            return CheckResult.ok(0);
        }, h -> false);
        Bytes t = tx(1, 0);
        pool.add(t, "c", 0);
        Future<Integer> recheck = threads.submit(() -> pool.recheck(10));
        assertTrue(inCheck.await(LIMIT.toSeconds(), TimeUnit.SECONDS));
        pool.batch(10, 1000, Set.of(), 1000); // ttl 1000: expires it
        assertInstanceOf(Admission.Accepted.class, pool.add(t, "c", 1000));
        release.countDown();
        assertEquals(0, recheck.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(1000, pool.pending(hash(t)).orElseThrow().receivedAtMillis());
    }

    /** Adders flood while one thread plays the consensus actor; every accepted tx ends up accounted for. */
    @Test
    void concurrentAddersAndConsensusKeepTheIndexesConsistentAndWithinLimits() throws Exception {
        var config = new MempoolConfig(200, 500, 40_000, 50, 0.3, 1.0, 100_000, 100_000);
        FakeApp app = new FakeApp();
        Mempool pool = app.mempool(config);
        Set<Hash> accepted = ConcurrentHashMap.newKeySet();
        Set<Hash> committed = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<?>> adders = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int worker = w;
            adders.add(threads.submit(() -> {
                for (int i = 0; i < 3000; i++) {
                    int id = worker * 1_000_000 + i % 2500; // some resubmissions
                    Admission a = pool.add(tx(id, i % 5, 5 + i % 190), "c" + worker % 4, i / 10);
                    if (a instanceof Admission.Accepted) {
                        accepted.add(a.hash());
                    }
                }
            }));
        }
        Future<?> consensus = threads.submit(() -> {
            long now = 0;
            while (running.get()) {
                List<Hash> taken = pool.batch(50, 8_000, Set.of(), now++).stream().map(Mempool.Pending::hash).toList();
                committed.addAll(taken);
                pool.committed(taken, now);
                if (now % 7 == 0) {
                    pool.recheck(now);
                }
                assertTrue(pool.size() <= 500 && pool.bytes() <= 40_000);
            }
        });
        for (Future<?> f : adders) {
            f.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
        running.set(false);
        consensus.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        pool.verify();
        assertTrue(pool.size() <= 500 && pool.bytes() <= 40_000);
        for (Hash h : accepted) {
            assertTrue(pool.pending(h).isPresent() || committed.contains(h) || pool.dropped(h).isPresent(),
                    "accepted tx vanished: " + h);
        }
    }

    private static void await(CyclicBarrier b) {
        try {
            b.await(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch l) {
        try {
            assertTrue(l.await(LIMIT.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
