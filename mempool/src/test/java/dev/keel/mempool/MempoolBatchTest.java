package dev.keel.mempool;

import static dev.keel.mempool.FakeApp.hash;
import static dev.keel.mempool.FakeApp.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Mempool#batch}: proposal order, exclusions, limits, expiry; it never removes. */
class MempoolBatchTest {
    private final FakeApp app = new FakeApp();
    private final Mempool pool = app.mempool(new MempoolConfig(100, 100, 10_000, 1000, 1.0, 1.0, 100, 100));

    private static List<Hash> hashes(List<Mempool.Pending> batch) {
        return batch.stream().map(Mempool.Pending::hash).toList();
    }

    private Bytes add(int id, int priority, int size, long now) {
        Bytes t = tx(id, priority, size);
        pool.add(t, "c", now);
        return t;
    }

    @Test
    void highestPriorityFirstAndArrivalOrderWithinAPriority() {
        Bytes a = add(1, 1, 16, 0);
        Bytes b = add(2, 5, 16, 1);
        Bytes c = add(3, 1, 16, 2);
        Bytes d = add(4, 5, 16, 3);
        Bytes e = add(5, 0, 16, 4);
        assertEquals(List.of(hash(b), hash(d), hash(a), hash(c), hash(e)),
                hashes(pool.batch(10, 10_000, Set.of(), 10)));
    }

    @Test
    void arrivalOrderIsAdmissionOrderEvenWhenCallerClocksInterleave() {
        Bytes late = add(1, 0, 16, 50);  // admitted first, with a later clock reading
        Bytes early = add(2, 0, 16, 40);
        assertEquals(List.of(hash(late), hash(early)), hashes(pool.batch(10, 10_000, Set.of(), 60)));
    }

    @Test
    void excludedTransactionsAreSkippedAndLaterOnesTaken() {
        Bytes a = add(1, 2, 16, 0);
        Bytes b = add(2, 2, 16, 0);
        Bytes c = add(3, 1, 16, 0);
        assertEquals(List.of(hash(b), hash(c)), hashes(pool.batch(2, 10_000, Set.of(hash(a)), 0)));
    }

    @Test
    void batchStopsAtMaxCount() {
        for (int i = 0; i < 10; i++) {
            add(i, 0, 16, 0);
        }
        assertEquals(3, pool.batch(3, 10_000, Set.of(), 0).size());
        assertEquals(List.of(), pool.batch(0, 10_000, Set.of(), 0));
    }

    @Test
    void batchStopsAtTheFirstTransactionThatDoesNotFitRatherThanLetSmallerOnesOvertakeIt() {
        Bytes a = add(1, 0, 40, 0);
        add(2, 0, 40, 0);
        add(3, 0, 10, 0); // would fit after a, but must not overtake the second 40-byte tx
        List<Mempool.Pending> batch = pool.batch(10, 60, Set.of(), 0);
        assertEquals(List.of(hash(a)), hashes(batch));
        assertTrue(batch.stream().mapToLong(p -> p.tx().length()).sum() <= 60);
    }

    @Test
    void transactionLargerThanTheWholeBudgetIsSkippedNotAllowedToStallProposals() {
        Bytes huge = add(1, 9, 100, 0);
        Bytes small = add(2, 0, 16, 0);
        assertEquals(List.of(hash(small)), hashes(pool.batch(10, 50, Set.of(), 0)));
        assertEquals(List.of(hash(huge), hash(small)), hashes(pool.batch(10, 200, Set.of(), 0)));
    }

    @Test
    void oversizeSkipsAreBounded() {
        for (int i = 0; i <= Mempool.MAX_OVERSIZE_SKIPS; i++) {
            add(i, 9, 100, 0);
        }
        add(1000, 0, 16, 0);
        assertEquals(List.of(), pool.batch(10, 50, Set.of(), 0));
    }

    @Test
    void batchDoesNotRemoveTransactions() {
        add(1, 0, 16, 0);
        add(2, 0, 16, 0);
        List<Mempool.Pending> first = pool.batch(10, 10_000, Set.of(), 0);
        assertEquals(first, pool.batch(10, 10_000, Set.of(), 0));
        assertEquals(2, pool.size());
    }

    @Test
    void expiredTransactionsAreDroppedNotProposed() {
        Bytes old = add(1, 9, 16, 0);
        Bytes young = add(2, 0, 16, 500);
        assertEquals(2, pool.batch(10, 10_000, Set.of(), 999).size()); // ttl 1000: not yet
        assertEquals(List.of(hash(young)), hashes(pool.batch(10, 10_000, Set.of(), 1000)));
        assertEquals(new Mempool.Dropped("expired", "not committed within 1000 ms", 1000),
                pool.dropped(hash(old)).orElseThrow());
        assertEquals(1, pool.size());
        assertEquals(16, pool.bytes());
        assertEquals(1L, pool.stats().drops().get("expired"));
    }
}
