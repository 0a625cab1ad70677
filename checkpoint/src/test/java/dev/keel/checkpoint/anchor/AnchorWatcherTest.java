package dev.keel.checkpoint.anchor;

import static dev.keel.checkpoint.anchor.TestNet.checkpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keel.checkpoint.CheckpointFixture;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What is anchored and what is settled, read from the L1's state alone. */
class AnchorWatcherTest {
    private final TestNet net = new TestNet();
    private final FakeL1 l1 = net.l1;

    /** Anchors checkpoints 1..n from outside, one per L1 block. */
    private void anchor(long from, long to) {
        for (long k = from; k <= to; k++) {
            net.built.put(k, checkpoint(k));
            l1.anchorFromOutside(checkpoint(k));
        }
    }

    @Test
    void nothingAnchoredYet() {
        L1View v = net.watcher(3).poll();
        assertEquals(new L1View(100, 98, 0, 0, 0, 0, 0, List.of(), List.of()), v);
    }

    @Test
    void anchoredAtOnceSettledAfterConfirmations() {
        anchor(1, 2); // #1 in block 101, #2 in block 102
        AnchorWatcher w = net.watcher(2);
        L1View v = w.poll();
        assertEquals(102, v.head());
        assertEquals(101, v.settleLine(), "the head plus one block on top: 2 confirmations");
        assertEquals(2, v.anchoredCount());
        assertEquals(20, v.anchoredHeight());
        assertEquals(1, v.settledCount());
        assertEquals(10, v.settledHeight());
        assertEquals(List.of(new L1View.Anchored(1, 10, 101, true), new L1View.Anchored(2, 20, 102, false)),
                v.recent());
        l1.head++;
        v = w.poll();
        assertEquals(2, v.settledCount());
        assertEquals(20, v.settledHeight());
    }

    @Test
    void aDigestDifferentFromOursIsAConflictAndStopsAnchoring() {
        anchor(1, 1);
        net.built.put(2L, checkpoint(2));
        l1.anchorFromOutside(CheckpointFixture.forked(checkpoint(2)));
        anchor(3, 3);
        l1.head += 10;
        L1View v = net.watcher(2).poll();
        assertEquals(List.of(2L), v.conflicts());
        assertEquals(3, v.l1Count());
        assertEquals(1, v.anchoredCount(), "nothing after a conflict counts as ours");
        assertEquals(1, v.settledCount());
    }

    @Test
    void checkpointsThisNodeHasNotBuiltAreNeitherAnchoredNorConflicts() {
        anchor(1, 2);
        net.built.remove(2L);
        AnchorWatcher w = net.watcher(1);
        L1View v = w.poll();
        assertEquals(List.of(), v.conflicts());
        assertEquals(1, v.anchoredCount());
        assertEquals(1, v.settledCount());
        net.built.put(2L, checkpoint(2));
        assertEquals(2, w.poll().settledCount());
    }

    @Test
    void aReorgLowersTheAnchoredHeight() {
        anchor(1, 3);
        AnchorWatcher w = net.watcher(10);
        assertEquals(30, w.poll().anchoredHeight());
        l1.reorg(2, false);
        L1View v = w.poll();
        assertEquals(1, v.anchoredCount());
        assertEquals(10, v.anchoredHeight());
        assertEquals(0, v.settledCount());
    }

    @Test
    void settledCheckpointsAreNotReadAgain() {
        anchor(1, 2);
        l1.head += 5;
        AnchorWatcher w = net.watcher(2);
        assertEquals(2, w.poll().settledCount());
        l1.anchorReads.clear();
        L1View v = w.poll();
        assertEquals(2, v.settledCount());
        assertEquals(20, v.anchoredHeight());
        assertEquals(List.of(), v.recent());
        assertEquals(0, l1.anchorReads.size());
    }

    @Test
    void aReorgDeeperThanTheConfirmationsLowersTheSettledCount() {
        anchor(1, 3);
        l1.head += 5;
        AnchorWatcher w = net.watcher(2);
        assertEquals(3, w.poll().settledCount());
        l1.reorg(2, false);
        L1View v = w.poll();
        assertEquals(1, v.settledCount());
        assertEquals(10, v.settledHeight());
        l1.reorg(1, false);
        v = w.poll();
        assertEquals(0, v.settledCount());
        assertEquals(0, v.settledHeight());
    }

    @Test
    void withZeroConfirmationsTheFinalizedTagSettles() {
        anchor(1, 2);
        l1.head += 100;
        AnchorWatcher w = net.watcher(0);
        L1View v = w.poll();
        assertEquals(-1, v.settleLine(), "no finalized block: nothing is final, however deep");
        assertEquals(2, v.anchoredCount());
        assertEquals(0, v.settledCount());
        l1.finalized = OptionalLong.of(101);
        v = w.poll();
        assertEquals(101, v.settleLine());
        assertEquals(1, v.settledCount());
    }

    @Test
    void aLongBacklogIsReadOverSeveralPolls() {
        anchor(1, AnchorWatcher.MAX_READS_PER_POLL + 6);
        l1.head += 10;
        AnchorWatcher w = net.watcher(1);
        assertEquals(AnchorWatcher.MAX_READS_PER_POLL, w.poll().settledCount());
        assertEquals(AnchorWatcher.MAX_READS_PER_POLL + 6, w.poll().settledCount());
    }

    @Test
    void aCheckpointReorgedAwayBetweenTwoReadsIsNoConflict() {
        anchor(1, 2);
        l1.afterLatest = () -> {
            l1.reorg(1, false);
            l1.afterLatest = () -> { };
        };
        L1View v = net.watcher(2).poll();
        assertEquals(List.of(), v.conflicts(), "an empty slot is not a different digest");
        assertEquals(1, v.anchoredCount());
    }

    @Test
    void anUnreachableL1Throws() {
        l1.down = true;
        assertThrows(L1Port.L1Exception.class, () -> net.watcher(2).poll());
    }
}
