package dev.keel.consensus.votes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.TestChain;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.consensus.votes.TimeoutCollector.Counted;
import dev.keel.consensus.votes.TimeoutCollector.Duplicate;
import dev.keel.consensus.votes.TimeoutCollector.Formed;
import dev.keel.consensus.votes.TimeoutCollector.JoinRound;
import dev.keel.consensus.votes.TimeoutCollector.Late;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Timeouts for a round: f+1 of them mean an honest validator gave up (join it); 2f+1 form a TC
 * whose highQc is the highest QC any signer reported (Jolteon).
 */
class TimeoutCollectorTest {
    private static final TestChain T = TestChain.four();
    private static final List<Block> CHAIN = T.straightChain(2);
    private static final QuorumCert QC1 = T.qc(CHAIN.get(0));
    private static final QuorumCert QC2 = T.qc(CHAIN.get(1));

    private static TimeoutCollector collector() {
        return new TimeoutCollector(T.n, T.quorum(), T.validators.honestWitness());
    }

    @Test
    void joinsAtFPlusOneAndFormsAtQuorumWithTheHighestReportedQc() {
        TimeoutCollector c = collector();
        assertEquals(new Counted(1), c.add(T.timeout(3, 3, QC1)));
        assertEquals(new JoinRound(3), c.add(T.timeout(0, 3, QC2)));
        Formed f = assertInstanceOf(Formed.class, c.add(T.timeout(1, 3, T.genesisQc)));
        TimeoutCert tc = f.tc();
        assertEquals(3, tc.round());
        assertEquals(QC2, tc.highQc());
        assertEquals(List.of(0, 1, 3), tc.signers().indices());
        assertEquals(List.of(2L, 0L, 1L), tc.highQcRounds(), "reported QC rounds in signer order");
        assertTrue(T.verifier().verify(tc));
    }

    @Test
    void duplicateTimeoutIsReported() {
        TimeoutCollector c = collector();
        c.add(T.timeout(0, 3, QC1));
        assertInstanceOf(Duplicate.class, c.add(T.timeout(0, 3, QC1)));
        assertInstanceOf(Duplicate.class, c.add(T.timeout(0, 3, QC2)), "one timeout per author per round");
        assertEquals(new JoinRound(3), c.add(T.timeout(1, 3, QC1)));
    }

    @Test
    void timeoutsAfterFormationAreLate() {
        TimeoutCollector c = collector();
        for (int i = 0; i < 3; i++) {
            c.add(T.timeout(i, 3, QC1));
        }
        assertInstanceOf(Late.class, c.add(T.timeout(3, 3, QC2)));
    }

    @Test
    void roundsAreCountedSeparately() {
        TimeoutCollector c = collector();
        c.add(T.timeout(0, 3, QC1));
        assertEquals(new Counted(1), c.add(T.timeout(1, 4, QC1)));
    }

    @Test
    void pruneBelowBoundsMemory() {
        TimeoutCollector c = collector();
        for (long r = 3; r <= 12; r++) {
            c.add(T.timeout(0, r, QC2));
        }
        assertEquals(10, c.roundsHeld());
        c.pruneBelow(10);
        assertEquals(3, c.roundsHeld());
    }
}
