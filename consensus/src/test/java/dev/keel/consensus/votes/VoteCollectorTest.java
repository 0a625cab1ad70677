package dev.keel.consensus.votes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.TestChain;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Vote;
import dev.keel.consensus.types.VoteData;
import dev.keel.consensus.votes.VoteCollector.Counted;
import dev.keel.consensus.votes.VoteCollector.Duplicate;
import dev.keel.consensus.votes.VoteCollector.Equivocation;
import dev.keel.consensus.votes.VoteCollector.Formed;
import dev.keel.consensus.votes.VoteCollector.Late;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Votes become a QC at exactly 2f+1 distinct authors for the same data; each author counts once per round. */
class VoteCollectorTest {
    private static final TestChain T = TestChain.four();
    private static final Block B1 = T.child(T.genesis, 1);
    private static final Block B1_SIBLING = T.block(T.genesisQc, 1, 1, TestChain.payload("sibling"));

    private static VoteCollector collector() {
        return new VoteCollector(T.n, T.quorum());
    }

    @Test
    void formsQcExactlyAtQuorumWithSignersAscendingAndItVerifies() {
        VoteCollector c = collector();
        assertEquals(new Counted(1), c.add(T.vote(3, B1)));
        assertEquals(new Counted(2), c.add(T.vote(1, B1)));
        Formed f = assertInstanceOf(Formed.class, c.add(T.vote(0, B1)));
        QuorumCert qc = f.qc();
        assertEquals(B1.voteData(), qc.data());
        assertEquals(List.of(0, 1, 3), qc.signers().indices());
        assertEquals(List.of(T.vote(0, B1).signature(), T.vote(1, B1).signature(), T.vote(3, B1).signature()),
                qc.signatures(), "signatures listed in ascending signer order");
        assertTrue(T.verifier().verify(qc));
    }

    @Test
    void duplicateVoteIsReportedAndNotCounted() {
        VoteCollector c = collector();
        c.add(T.vote(0, B1));
        assertInstanceOf(Duplicate.class, c.add(T.vote(0, B1)));
        assertEquals(new Counted(2), c.add(T.vote(1, B1)));
    }

    @Test
    void secondDifferentVoteFromSameAuthorIsEquivocationAndNotCounted() {
        VoteCollector c = collector();
        Vote first = T.vote(0, B1);
        Vote second = T.vote(0, B1_SIBLING);
        c.add(first);
        assertEquals(new Equivocation(first, second), c.add(second));
        // Author 0 is not counted for the sibling: it takes three other validators to certify it.
        assertEquals(new Counted(1), c.add(T.vote(1, B1_SIBLING)));
        assertEquals(new Counted(2), c.add(T.vote(2, B1_SIBLING)));
        Formed f = assertInstanceOf(Formed.class, c.add(T.vote(3, B1_SIBLING)));
        assertEquals(List.of(1, 2, 3), f.qc().signers().indices());
        assertFalse(f.qc().signers().contains(0));
    }

    @Test
    void votesSplitAcrossDataDoNotCombine() {
        VoteCollector c = collector();
        c.add(T.vote(0, B1));
        c.add(T.vote(1, B1));
        assertEquals(new Counted(1), c.add(T.vote(2, B1_SIBLING)));
        assertEquals(new Counted(2), c.add(T.vote(3, B1_SIBLING)));
    }

    @Test
    void votesAfterFormationAreLate() {
        VoteCollector c = collector();
        for (int i = 0; i < 3; i++) {
            c.add(T.vote(i, B1));
        }
        assertInstanceOf(Late.class, c.add(T.vote(3, B1)));
    }

    @Test
    void voteForOtherDataInARoundWithAQcIsLateToo() {
        VoteCollector c = collector();
        for (int i = 0; i < 3; i++) {
            c.add(T.vote(i, B1));
        }
        assertInstanceOf(Late.class, c.add(T.vote(3, B1_SIBLING)));
    }

    @Test
    void pruneBelowBoundsMemory() {
        VoteCollector c = collector();
        for (long r = 1; r <= 10; r++) {
            c.add(T.vote(0, new VoteData(B1.id(), r, 1, T.genesis.id(), 0)));
        }
        assertEquals(10, c.roundsHeld());
        c.pruneBelow(8);
        assertEquals(3, c.roundsHeld());
        c.pruneBelow(100);
        assertEquals(0, c.roundsHeld());
    }

    @Test
    void prunedRoundStartsAfresh() {
        VoteCollector c = collector();
        c.add(T.vote(0, B1));
        c.pruneBelow(2);
        assertEquals(new Counted(1), c.add(T.vote(0, B1)), "forgotten, so not a duplicate");
    }
}
