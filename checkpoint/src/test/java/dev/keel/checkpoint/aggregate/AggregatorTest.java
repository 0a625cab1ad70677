package dev.keel.checkpoint.aggregate;

import static dev.keel.checkpoint.CheckpointFixture.checkpoint;
import static dev.keel.checkpoint.CheckpointFixture.forked;
import static dev.keel.checkpoint.CheckpointFixture.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.CheckpointFixture;
import dev.keel.checkpoint.CheckpointSigners;
import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.EthSignature;
import dev.keel.checkpoint.SignedCheckpoint;
import dev.keel.checkpoint.aggregate.VoteOutcome.Reason;
import dev.keel.consensus.types.Bytes;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Sign;

/** One test per aggregation rule; 4 validators (threshold 3) unless a rule needs more, this node is 0. */
class AggregatorTest {
    private static final int WINDOW = 8;
    private static final long NOW = 1_234;
    private final CheckpointSigners signers = CheckpointFixture.signers(4);
    private final Aggregator agg = new Aggregator(signers, WINDOW, () -> NOW);
    private final Checkpoint cp = checkpoint(1, 10);

    private Optional<SignedCheckpoint> local(Checkpoint c) {
        return agg.local(c, key(0).sign(c.digest()), 0);
    }

    private VoteOutcome vote(int from, Checkpoint c) {
        return agg.vote(from, c.number(), c.digest(), key(from).sign(c.digest()));
    }

    private static Reason rejection(VoteOutcome out) {
        return assertInstanceOf(VoteOutcome.Rejected.class, out).reason();
    }

    @Test
    void formsExactlyAtThresholdWithSignaturesSortedBySigner() {
        assertTrue(local(cp).isEmpty());
        assertEquals(new VoteOutcome.Counted(2), vote(3, cp));
        SignedCheckpoint f = assertInstanceOf(VoteOutcome.Formed.class, vote(1, cp)).checkpoint();
        assertEquals(cp, f.checkpoint());
        assertEquals(NOW, f.formedAtMillis());
        assertEquals(signers.threshold(), f.signers().size());
        assertEquals(List.of(0, 1, 3).stream().map(signers::address).sorted().toList(), f.signers());
        assertAllRecover(f);
    }

    @Test
    void surplusVotesFormWithTheThresholdLowestSigners() {
        CheckpointSigners seven = CheckpointFixture.signers(7);
        Aggregator big = new Aggregator(seven, WINDOW, () -> NOW);
        for (int i = 1; i < 7; i++) {
            assertEquals(new VoteOutcome.Held(), big.vote(i, 1, cp.digest(), key(i).sign(cp.digest())));
        }
        SignedCheckpoint f = big.local(cp, key(0).sign(cp.digest()), 0).orElseThrow();
        assertEquals(5, seven.threshold());
        assertEquals(seven.sorted().subList(0, 5), f.signers());
        assertAllRecover(f);
    }

    @Test
    void votesBeforeTheLocalCheckpointAreHeldThenCounted() {
        assertEquals(new VoteOutcome.Held(), vote(2, cp));
        assertEquals(0, agg.signatureCount(1));
        assertTrue(local(cp).isEmpty());
        assertEquals(2, agg.signatureCount(1));
        assertInstanceOf(VoteOutcome.Formed.class, vote(1, cp));
    }

    @Test
    void heldVotesCompleteTheCheckpointWhenItIsBuilt() {
        vote(1, cp);
        vote(2, cp);
        SignedCheckpoint f = local(cp).orElseThrow();
        assertAllRecover(f);
        assertEquals(f, local(cp).orElseThrow(), "building it again returns the same formed checkpoint");
    }

    @Test
    void aHeldVoteForAnotherDigestIsRecordedAsMismatched() {
        assertEquals(new VoteOutcome.Held(), vote(1, forked(cp)));
        local(cp);
        assertEquals(List.of(1), agg.mismatched(1));
        assertEquals(1, agg.signatureCount(1));
    }

    @Test
    void aVoteForAnotherDigestAfterTheLocalCheckpointIsADigestMismatch() {
        local(cp);
        assertEquals(Reason.DIGEST_MISMATCH, rejection(vote(2, forked(cp))));
        assertEquals(List.of(2), agg.mismatched(1));
        assertEquals(1, agg.signatureCount(1));
    }

    @Test
    void aByzantineSenderCannotGrowTheMismatchListWithManyDigests() {
        local(cp);
        Checkpoint other = cp;
        for (int i = 0; i < 5; i++) {
            other = forked(other);
            assertEquals(Reason.DIGEST_MISMATCH, rejection(vote(2, other)));
        }
        assertEquals(List.of(2), agg.mismatched(1));
    }

    @Test
    void anotherValidatorsSignatureClaimedBySenderIsBad() {
        local(cp);
        EthSignature fromTwo = key(2).sign(cp.digest());
        assertEquals(Reason.BAD_SIGNATURE, rejection(agg.vote(1, 1, cp.digest(), fromTwo)));
        assertEquals(1, agg.signatureCount(1));
    }

    @Test
    void aSignatureOverAnotherDigestThanClaimedIsBad() {
        local(cp);
        EthSignature overFork = key(1).sign(forked(cp).digest());
        assertEquals(Reason.BAD_SIGNATURE, rejection(agg.vote(1, 1, cp.digest(), overFork)));
    }

    @Test
    void garbageSignaturesAreBad() {
        local(cp);
        byte[] zeros = new byte[65];
        byte[] junk = new byte[65];
        Arrays.fill(junk, (byte) 0x5a);
        junk[64] = 27;
        byte[] badV = key(1).sign(cp.digest()).bytes().toArray();
        badV[64] = 0;
        for (byte[] b : List.of(zeros, junk, badV)) {
            assertEquals(Reason.BAD_SIGNATURE, rejection(agg.vote(1, 1, cp.digest(), new EthSignature(Bytes.wrap(b)))));
        }
    }

    @Test
    void theHighSTwinOfAValidSignatureIsBad() {
        local(cp);
        EthSignature real = key(1).sign(cp.digest());
        EthSignature twin = CheckpointFixture.highSTwin(real);
        assertEquals(publicKey(real), publicKey(twin), "the twin is mathematically valid");
        assertEquals(Reason.BAD_SIGNATURE, rejection(agg.vote(1, 1, cp.digest(), twin)));
        assertEquals(new VoteOutcome.Counted(2), agg.vote(1, 1, cp.digest(), real));
    }

    @Test
    void unknownSenderIndexesAreRejected() {
        local(cp);
        EthSignature sig = key(1).sign(cp.digest());
        assertEquals(Reason.UNKNOWN_SENDER, rejection(agg.vote(-1, 1, cp.digest(), sig)));
        assertEquals(Reason.UNKNOWN_SENDER, rejection(agg.vote(4, 1, cp.digest(), sig)));
    }

    @Test
    void theSameVoteTwiceIsADuplicate() {
        EthSignature sig = key(1).sign(cp.digest());
        assertEquals(new VoteOutcome.Held(), agg.vote(1, 1, cp.digest(), sig));
        assertEquals(new VoteOutcome.Duplicate(), agg.vote(1, 1, cp.digest(), sig));
        local(cp);
        assertEquals(new VoteOutcome.Duplicate(), agg.vote(1, 1, cp.digest(), sig));
        assertEquals(new VoteOutcome.Duplicate(), agg.vote(0, 1, cp.digest(), key(0).sign(cp.digest())),
                "our own vote echoed back");
        assertEquals(2, agg.signatureCount(1));
    }

    @Test
    void votesAfterFormingAreAlreadyFormed() {
        local(cp);
        vote(1, cp);
        vote(2, cp);
        assertEquals(new VoteOutcome.AlreadyFormed(), vote(3, cp));
        assertEquals(new VoteOutcome.AlreadyFormed(), vote(1, cp));
    }

    @Test
    void votesOutsideTheWindowAreRefused() {
        assertEquals(Reason.OUT_OF_WINDOW, rejection(vote(1, checkpoint(WINDOW + 1, 10))));
        assertEquals(new VoteOutcome.Held(), vote(1, checkpoint(WINDOW, 10)));
        local(checkpoint(10, 10));
        assertEquals(new VoteOutcome.Held(), vote(1, checkpoint(10 + WINDOW, 10)));
        assertEquals(Reason.OUT_OF_WINDOW, rejection(vote(1, checkpoint(10 + WINDOW + 1, 10))));
        vote(1, checkpoint(10, 10));
        assertInstanceOf(VoteOutcome.Formed.class, vote(2, checkpoint(10, 10)));
        assertEquals(Reason.OUT_OF_WINDOW, rejection(vote(1, checkpoint(10 - WINDOW, 10))));
        assertEquals(new VoteOutcome.Held(), vote(1, checkpoint(10 - WINDOW + 1, 10)));
    }

    @Test
    void numbersBelowOneAreOutOfWindow() {
        EthSignature sig = key(1).sign(cp.digest());
        assertEquals(Reason.OUT_OF_WINDOW, rejection(agg.vote(1, 0, cp.digest(), sig)));
        assertEquals(Reason.OUT_OF_WINDOW, rejection(agg.vote(1, -3, cp.digest(), sig)));
    }

    @Test
    void restoredCheckpointsCountAsFormed() {
        Checkpoint c = checkpoint(20, 10);
        SignedCheckpoint stored = CheckpointFixture.formed(c, CheckpointFixture.keys(4), 3, 99);
        agg.restore(stored, key(0).sign(c.digest()), 0);
        assertEquals(new VoteOutcome.AlreadyFormed(), vote(3, c));
        assertEquals(List.of(), agg.unformed());
        assertEquals(Reason.OUT_OF_WINDOW, rejection(vote(1, checkpoint(20 - WINDOW, 10))), "the window follows it");
        assertEquals(new VoteOutcome.Held(), vote(1, checkpoint(20 - WINDOW + 1, 10)));
    }

    @Test
    void unformedListsBuiltButUnformedNumbersOldestFirst() {
        for (long n = 3; n >= 1; n--) {
            local(checkpoint(n, 10));
        }
        vote(1, checkpoint(2, 10));
        vote(2, checkpoint(2, 10));
        vote(1, checkpoint(5, 10));
        assertEquals(List.of(1L, 3L), agg.unformed(), "#2 formed; #5 only has a held vote");
    }

    @Test
    void rejectedVotesLeaveNoTrace() {
        local(cp);
        agg.vote(1, 1, cp.digest(), key(2).sign(cp.digest()));
        assertEquals(1, agg.signatureCount(1));
        assertFalse(agg.mismatched(1).contains(1));
        assertEquals(List.of(), agg.mismatched(42));
        assertEquals(0, agg.signatureCount(42));
    }

    private BigInteger publicKey(EthSignature sig) {
        byte[] b = sig.bytes().toArray();
        try {
            return Sign.signedMessageHashToKey(cp.digest().bytes().toArray(), new Sign.SignatureData(b[64],
                    Arrays.copyOfRange(b, 0, 32), Arrays.copyOfRange(b, 32, 64)));
        } catch (SignatureException e) {
            throw new AssertionError(e);
        }
    }

    static void assertAllRecover(SignedCheckpoint f) {
        for (int i = 0; i < f.signers().size(); i++) {
            EthAddress who = f.signers().get(i);
            assertEquals(Optional.of(who), f.signatures().get(i).recover(f.checkpoint().digest()), "signature " + i);
        }
    }
}
