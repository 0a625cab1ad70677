package dev.keel.simulator.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.Vote;
import dev.keel.consensus.types.VoteData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every checker is fed a bad history and must say so; and a good history must pass. */
class InvariantsTest {
    private static final Block GENESIS = Block.genesis(new ChainContext("keel-test", 0), 4);
    private static final Signature SIG = new Signature(Bytes.wrap(new byte[64]));

    private static Block child(Block parent, long round, String... txs) {
        QuorumCert qc = new QuorumCert(parent.voteData().round() == 0
                ? new VoteData(parent.id(), 0, 0, Hash.ZERO, 0) : parent.voteData(),
                SignerBitmap.of(4, List.of()), List.of());
        if (parent.round() > 0) {
            qc = new QuorumCert(parent.voteData(), SignerBitmap.of(4, List.of(0, 1, 2)), List.of(SIG, SIG, SIG));
        }
        Payload p = new Payload(java.util.Arrays.stream(txs).map(t -> Bytes.wrap(t.getBytes())).toList());
        return Block.of(new BlockHeader(0, round, parent.height() + 1, parent.id(), qc, 0, round, p.hash(), Hash.ZERO), p);
    }

    @Test
    void goodHistoryPasses() {
        Invariants inv = new Invariants();
        inv.submitted(Bytes.wrap("a".getBytes()));
        Block b1 = child(GENESIS, 1, "a");
        Block b2 = child(b1, 2);
        inv.onCommit(0, List.of(b1, b2), 10);
        inv.onCommit(1, List.of(b1), 11);
        inv.onCommit(1, List.of(b2), 12);
        assertTrue(inv.violations().isEmpty(), inv.violations().toString());
    }

    @Test
    void agreementCatchesTwoBlocksAtOneHeight() {
        Invariants inv = new Invariants();
        inv.onCommit(0, List.of(child(GENESIS, 1)), 10);
        inv.onCommit(1, List.of(child(GENESIS, 2)), 11);
        assertEquals(Violation.Kind.AGREEMENT, inv.violations().get(0).kind());
        assertTrue(inv.safetyViolated());
    }

    @Test
    void chainGrowthCatchesAGapAndAWrongParent() {
        Invariants gap = new Invariants();
        Block b1 = child(GENESIS, 1);
        gap.onCommit(0, List.of(child(b1, 2)), 10);
        assertEquals(Violation.Kind.CHAIN_GROWTH, gap.violations().get(0).kind());

        Invariants wrongParent = new Invariants();
        wrongParent.onCommit(0, List.of(b1), 10);
        wrongParent.onCommit(0, List.of(child(child(GENESIS, 5), 6)), 11);
        assertTrue(wrongParent.violations().stream().anyMatch(v -> v.kind() == Violation.Kind.CHAIN_GROWTH));
    }

    @Test
    void validityCatchesUnsubmittedAndDuplicateTransactions() {
        Invariants unsubmitted = new Invariants();
        unsubmitted.onCommit(0, List.of(child(GENESIS, 1, "never-sent")), 10);
        assertEquals(Violation.Kind.VALIDITY, unsubmitted.violations().get(0).kind());

        Invariants twice = new Invariants();
        twice.submitted(Bytes.wrap("x".getBytes()));
        Block b1 = child(GENESIS, 1, "x");
        twice.onCommit(0, List.of(b1, child(b1, 2, "x")), 10);
        assertEquals(Violation.Kind.VALIDITY, twice.violations().get(0).kind());
    }

    private static Vote vote(int author, long round, Hash block) {
        return new Vote(new VoteData(block, round, round, Hash.ZERO, round - 1), author, SIG);
    }

    @Test
    void signingCatchesDoubleVoteVoteAfterTimeoutRegressionAndDoubleTimeout() {
        Hash a = Hash.of("a".getBytes());
        Hash b = Hash.of("b".getBytes());
        Invariants inv = new Invariants();
        inv.onVote(vote(1, 5, a), 1);
        inv.onVote(vote(1, 5, a), 2); // the identical vote re-sent is fine
        assertTrue(inv.violations().isEmpty());
        inv.onVote(vote(1, 5, b), 3);
        assertEquals(1, inv.violations().size(), "two different votes in one round");

        QuorumCert qc4 = new QuorumCert(new VoteData(a, 4, 4, Hash.ZERO, 3), SignerBitmap.of(4, List.of()), List.of());
        QuorumCert qc3 = new QuorumCert(new VoteData(a, 3, 3, Hash.ZERO, 2), SignerBitmap.of(4, List.of()), List.of());
        inv.onTimeout(new Timeout(7, 2, qc4, SIG), 4);
        inv.onVote(vote(2, 7, a), 5);
        assertEquals(2, inv.violations().size(), "a vote in a round already timed out");
        inv.onVote(vote(3, 9, a), 6);
        inv.onVote(vote(3, 8, b), 7);
        assertEquals(3, inv.violations().size(), "a vote in a lower round than an earlier vote");
        inv.onTimeout(new Timeout(7, 2, qc3, SIG), 8);
        assertEquals(4, inv.violations().size(), "two different timeouts in one round");
        assertTrue(inv.violations().stream().allMatch(v -> v.kind() == Violation.Kind.DOUBLE_SIGN));
    }

    @Test
    void livenessCatchesANodeThatNeverCommitsAfterTheHeal() {
        Invariants inv = new Invariants();
        inv.healed(1_000_000, Map.of(0, 0L, 1, 0L));
        inv.onCommit(0, List.of(child(GENESIS, 1)), 2_000_000);
        inv.checkLiveness(5_000_000, 9_000_000);
        assertEquals(1, inv.violations().size());
        assertEquals(Violation.Kind.LIVENESS, inv.violations().get(0).kind());
        assertFalse(inv.safetyViolated(), "liveness is not a safety violation");
    }

    @Test
    void livenessCatchesACommitThatCameTooLate() {
        Invariants inv = new Invariants();
        inv.healed(1_000_000, Map.of(0, 0L));
        inv.onCommit(0, List.of(child(GENESIS, 1)), 8_000_000);
        inv.checkLiveness(5_000_000, 9_000_000);
        assertEquals(Violation.Kind.LIVENESS, inv.violations().get(0).kind());
    }
}
