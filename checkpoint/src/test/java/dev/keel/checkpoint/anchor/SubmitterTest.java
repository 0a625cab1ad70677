package dev.keel.checkpoint.anchor;

import static dev.keel.checkpoint.anchor.TestNet.REPLACE_AFTER;
import static dev.keel.checkpoint.anchor.TestNet.TAKEOVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.checkpoint.CheckpointFixture;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Getting formed checkpoints onto the L1: whose turn, no duplicates, no conflicting transactions. */
class SubmitterTest {
    private final TestNet net = new TestNet().formUpTo(3);
    private final FakeL1 l1 = net.l1;
    private final Journal journal = Journal.inMemory();

    private SubmitStep tick(Submitter s) {
        return s.tick(net.view());
    }

    private SubmitStep.Sent sent(SubmitStep step) {
        return assertInstanceOf(SubmitStep.Sent.class, step);
    }

    @Test
    void theDesignatedValidatorSendsAtOnce() {
        SubmitStep.Sent s = sent(tick(net.submitter(0, journal)));
        assertEquals(1, s.number());
        assertEquals(0, s.nonce());
        assertTrue(l1.mempool.containsKey(s.txHash()));
        l1.mine();
        assertEquals(1, net.view().anchoredCount());
    }

    @Test
    void othersWaitTheirPlaceTimesTheTakeover() {
        Submitter third = net.submitter(2, journal); // #1's designated is 0: validator 2 is second in line
        assertEquals(new SubmitStep.Waiting(1, 2 * TAKEOVER.toMillis()), tick(third));
        net.advance(TAKEOVER.multipliedBy(2).minusMillis(1));
        assertEquals(new SubmitStep.Waiting(1, 1), tick(third));
        net.advance(Duration.ofMillis(1));
        assertEquals(1, sent(tick(third)).number());
    }

    @Test
    void theDesignatedValidatorRotatesWithTheNumber() {
        l1.anchorFromOutside(TestNet.checkpoint(1));
        assertEquals(2, sent(tick(net.submitter(1, journal))).number());
        assertEquals(new SubmitStep.Waiting(2, 3 * TAKEOVER.toMillis()), tick(net.submitter(0, Journal.inMemory())));
    }

    @Test
    void theTurnClockRestartsAfterTheL1WasUnreachable() {
        Submitter second = net.submitter(1, journal);
        tick(second);
        net.advance(TAKEOVER.minusSeconds(1));
        second.onL1Unreachable();
        net.advance(Duration.ofSeconds(2));
        assertEquals(new SubmitStep.Waiting(1, TAKEOVER.toMillis()), tick(second),
                "not everyone at once after an outage");
        net.advance(TAKEOVER);
        sent(tick(second));
    }

    @Test
    void notFormedHereYetIsIdle() {
        net.formed.clear();
        assertInstanceOf(SubmitStep.Idle.class, tick(net.submitter(0, journal)));
        assertEquals(List.of(), l1.broadcasts);
    }

    @Test
    void aCheckpointThatLandedMeanwhileIsIdle() {
        L1View stale = net.view();
        l1.anchorFromOutside(TestNet.checkpoint(1));
        assertInstanceOf(SubmitStep.Idle.class, net.submitter(0, journal).tick(stale));
        assertEquals(List.of(), l1.broadcasts);
    }

    @Test
    void anyOtherPreflightRevertIsRefused() {
        l1.refuse = "InvalidSignature(1)";
        Submitter s = net.submitter(0, journal);
        assertEquals(new SubmitStep.Refused(1, "InvalidSignature(1)"), tick(s));
        assertEquals(List.of(), l1.broadcasts);
        assertEquals(Optional.empty(), s.inflight());
    }

    @Test
    void feesAboveTheCapWait() {
        l1.baseFee = FakeL1.GWEI.multiply(BigInteger.valueOf(600));
        Submitter s = net.submitter(0, journal);
        assertEquals(new SubmitStep.FeeCapped(1, "600"), tick(s));
        assertEquals(List.of(), l1.broadcasts);
        l1.baseFee = FakeL1.GWEI.multiply(BigInteger.valueOf(400));
        SubmitStep.Sent sent = sent(tick(s));
        assertEquals(TestNet.FEE_CAP, FakeL1.decode(l1.mempool.get(sent.txHash()).raw()).maxFee(),
                "capped, not refused");
    }

    @Test
    void theTransactionIsJournaledBeforeItIsSent() {
        List<Optional<Submission>> journaledAtSend = new ArrayList<>();
        l1.onSend = raw -> journaledAtSend.add(journal.load().filter(j -> j.rawTx().equals(raw)));
        SubmitStep.Sent s = sent(tick(net.submitter(0, journal)));
        assertEquals(1, journaledAtSend.size());
        assertEquals(s.txHash(), journaledAtSend.get(0).orElseThrow().txHash());
    }

    @Test
    void aRestartWithAJournaledSubmissionReBroadcastsTheSameBytes() {
        l1.onSend = raw -> {
            throw new L1Port.L1Exception("crash between journal and send");
        };
        assertThrows(L1Port.L1Exception.class, () -> tick(net.submitter(0, journal)));
        Submission journaled = journal.load().orElseThrow();
        l1.onSend = raw -> { };
        Submitter restarted = net.submitter(0, journal);
        assertEquals(Optional.of(journaled), restarted.inflight());
        assertEquals(new SubmitStep.Rebroadcast(1, journaled.txHash()), tick(restarted));
        assertEquals(List.of(journaled.rawTx(), journaled.rawTx()), l1.broadcasts);
        assertEquals(1, l1.pendingNonce(CheckpointFixture.key(0).address()), "one transaction, one nonce");
    }

    @Test
    void aTransactionTheL1ForgotIsReBroadcast() {
        Submitter s = net.submitter(0, journal);
        SubmitStep.Sent sent = sent(tick(s));
        l1.forget(sent.txHash());
        assertEquals(new SubmitStep.Rebroadcast(1, sent.txHash()), tick(s));
        assertTrue(l1.mempool.containsKey(sent.txHash()));
    }

    @Test
    void aForgottenTransactionWhoseNonceWasUsedIsCleared() {
        Submitter s = net.submitter(0, journal);
        SubmitStep.Sent sent = sent(tick(s));
        l1.forget(sent.txHash());
        l1.consumeNonce(CheckpointFixture.key(0).address());
        assertEquals(new SubmitStep.Cleared(1, "nonce used by another transaction"), tick(s));
        assertEquals(Optional.empty(), journal.load());
        assertEquals(1, sent(tick(s)).nonce(), "then sent again with the next nonce");
    }

    @Test
    void aStuckTransactionIsReplacedAtTheSameNonceWithHigherFees() {
        Submitter s = net.submitter(0, journal);
        sent(tick(s));
        FakeL1.Tx before = FakeL1.decode(journal.load().orElseThrow().rawTx());
        net.advance(REPLACE_AFTER.minusMillis(1));
        assertInstanceOf(SubmitStep.Idle.class, tick(s));
        net.advance(Duration.ofMillis(1));
        SubmitStep.Replaced r = assertInstanceOf(SubmitStep.Replaced.class, tick(s));
        FakeL1.Tx after = FakeL1.decode(journal.load().orElseThrow().rawTx());
        assertEquals(r.txHash(), after.hash());
        assertEquals(before.nonce(), after.nonce());
        assertAtLeastOneEighthMore(before.tip(), after.tip());
        assertAtLeastOneEighthMore(before.maxFee(), after.maxFee());
        assertTrue(l1.mempool.containsKey(after.hash()) && !l1.mempool.containsKey(before.hash()));
        l1.mine();
        assertEquals(new SubmitStep.Cleared(1, "anchored"), tick(s));
    }

    @Test
    void aReplacementAboveTheCapWaits() {
        Submitter s = net.submitter(0, journal);
        sent(tick(s));
        l1.baseFee = TestNet.FEE_CAP;
        net.advance(REPLACE_AFTER);
        assertInstanceOf(SubmitStep.FeeCapped.class, tick(s));
        assertEquals(1, l1.mempool.size(), "the original stays in place");
    }

    @Test
    void anAnchoredCheckpointIsCleared() {
        Submitter s = net.submitter(0, journal);
        sent(tick(s));
        L1View before = net.view();
        l1.mine();
        assertEquals(new SubmitStep.Idle("mined, awaiting the contract"), s.tick(before));
        assertEquals(new SubmitStep.Cleared(1, "anchored"), tick(s));
        assertEquals(Optional.empty(), s.inflight());
        assertEquals(Optional.empty(), journal.load());
    }

    @Test
    void aReorgThatRemovesAnEarlierCheckpointClearsAndResubmitsItFirst() {
        Submitter second = net.submitter(1, journal);
        l1.anchorFromOutside(TestNet.checkpoint(1));
        assertEquals(2, sent(tick(second)).number());
        l1.mine();
        assertEquals(new SubmitStep.Cleared(2, "anchored"), tick(second));
        l1.reorg(2, true);
        assertEquals(new SubmitStep.Waiting(1, TAKEOVER.toMillis()), tick(second));
        net.advance(TAKEOVER);
        assertEquals(1, sent(tick(second)).number());
    }

    @Test
    void aReorgUnderAnInflightTransactionClearsItAndResubmitsInOrder() {
        Submitter second = net.submitter(1, journal);
        l1.anchorFromOutside(TestNet.checkpoint(1));
        SubmitStep.Sent two = sent(tick(second));
        l1.reorg(1, false);
        assertEquals(2, assertInstanceOf(SubmitStep.Cleared.class, tick(second)).number());
        assertEquals(new SubmitStep.Waiting(1, TAKEOVER.toMillis()), tick(second));
        net.advance(TAKEOVER);
        assertEquals(1, sent(tick(second)).number(), "the earlier checkpoint goes first");
        l1.mine(); // #2's stale transaction reverts, #1 lands
        assertEquals(false, l1.receipts.get(two.txHash()).success());
        assertEquals(new SubmitStep.Cleared(1, "anchored"), tick(second));
        assertEquals(2, sent(tick(second)).number());
        l1.mine();
        assertEquals(2, net.view().anchoredCount());
    }

    private static void assertAtLeastOneEighthMore(BigInteger before, BigInteger after) {
        assertTrue(after.multiply(BigInteger.valueOf(8)).compareTo(before.multiply(BigInteger.valueOf(9))) >= 0,
                after + " is not 112.5% of " + before);
    }
}
