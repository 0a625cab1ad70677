package dev.keel.consensus.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.TestChain;
import dev.keel.consensus.types.Block;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Four replicas, a perfect FIFO network, payloads answered at once, no timer ever needed.
 * The 2-chain pipeline should commit one block per round with nothing but the optimistic path.
 */
class ReplicaHappyPathTest {
    private static final int ROUNDS = 30;
    private LocalNetwork net;

    @BeforeEach
    void run() {
        net = new LocalNetwork(TestChain.four(), Set.of());
        net.runUntil(() -> net.minLiveRound() > ROUNDS, 100_000);
    }

    @Test
    void fourReplicasCommitTheSameChainInOrder() {
        assertTrue(net.minLiveCommits() >= ROUNDS - 3, "every replica committed about " + ROUNDS + " blocks");
        net.assertConsistentCommits();
    }

    @Test
    void happyPathNeedsNoTimeoutsNoSkippedRoundsAndNoFetches() {
        for (Block b : net.committed.get(0)) {
            assertEquals(b.height(), b.round(), "every round produced the next block: " + b);
            assertEquals(net.chain.leaders.leader(b.round()), b.author());
        }
        assertEquals(0, net.timersFired, "the network never went quiet");
        assertEquals(0, net.blockRequests, "with FIFO delivery no replica ever misses a block");
        assertTrue(net.selfSignedSends > 0, "the ordering contract was exercised");
    }

    @Test
    void everyBlockCarriesItsProposersTransactions() {
        for (Block b : net.committed.get(0)) {
            assertEquals(TestChain.payload(LocalNetwork.tx(b.round(), b.author())), b.payload());
        }
    }
}
