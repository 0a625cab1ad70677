package dev.keel.consensus.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.TestChain;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seeded reordering and message loss (no timing involved: timers fire only when the network
 * is quiet). Safety must hold whatever the schedule — live replicas never commit different
 * blocks at one height — and replicas that miss blocks catch up by fetching them.
 */
class ReplicaReorderingTest {

    @ParameterizedTest(name = "seed {0}, {1}% loss")
    @CsvSource({"1, 0", "2, 7", "3, 14", "4, 21"})
    void replicasNeverDivergeUnderReorderingAndLoss(long seed, int dropPercent) {
        var net = new LocalNetwork(TestChain.four(), Set.of()).chaos(seed, dropPercent);
        net.runUntil(() -> net.minLiveRound() > 60, 100_000);
        net.assertConsistentCommits();
        assertTrue(net.minLiveCommits() > 10, "commits continue: " + net.minLiveCommits());
        assertTrue(net.blockRequests > 0, "reordering made some replica fetch a missed block");
    }
}
