package dev.keel.consensus.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.TestChain;
import dev.keel.consensus.types.Block;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * With one of four validators silent (f = 1), its rounds time out: the others form TCs,
 * the next leader proposes on the TC (Jolteon's vote rule via TC) and commits continue.
 */
class ReplicaTimeoutPathTest {

    @Test
    void oneSilentValidatorDoesNotStopCommits() {
        var net = new LocalNetwork(TestChain.four(), Set.of(2));
        net.runUntil(() -> net.minLiveCommits() >= 20, 200_000);
        net.assertConsistentCommits();
        assertTrue(net.timersFired > 0, "the silent leader's rounds had to time out");
        for (Block b : net.committed.get(0)) {
            assertTrue(b.author() != 2, "a silent validator proposes nothing: " + b);
        }
    }

    @Test
    void silentFirstLeaderIsTimedOutFromTheStart() {
        var net = new LocalNetwork(TestChain.four(), Set.of(1));
        net.runUntil(() -> net.minLiveCommits() >= 10, 200_000);
        net.assertConsistentCommits();
    }
}
