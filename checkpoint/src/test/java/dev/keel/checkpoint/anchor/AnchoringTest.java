package dev.keel.checkpoint.anchor;

import static dev.keel.checkpoint.anchor.TestNet.TAKEOVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.CheckpointFixture;
import dev.keel.checkpoint.aggregate.Aggregator;
import dev.keel.checkpoint.aggregate.VoteOutcome;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An L1 outage is a state shown in the status, never an error that stops the node. */
class AnchoringTest {
    private final TestNet net = new TestNet();
    private final FakeL1 l1 = net.l1;

    private Anchoring anchoring(int index) {
        return new Anchoring(net.watcher(2), net.submitter(index, Journal.inMemory()), net.now::get);
    }

    @Test
    void beforeTheFirstPollTheL1CountsAsUnreachable() {
        Anchoring.Status s = anchoring(0).status();
        assertFalse(s.reachable());
        assertEquals(Optional.of("not polled yet"), s.error());
    }

    @Test
    void anL1FailureIsShownAsUnreachableWithTheErrorThenRecovers() {
        net.formUpTo(1);
        Anchoring a = anchoring(0);
        Anchoring.Status ok = a.tick();
        assertTrue(ok.reachable());
        assertInstanceOf(SubmitStep.Sent.class, ok.lastStep().orElseThrow());

        l1.down = true;
        net.advance(Duration.ofSeconds(1));
        Anchoring.Status down = a.tick();
        assertFalse(down.reachable());
        assertTrue(down.error().orElseThrow().contains("fake L1 unreachable"), down.error().toString());
        assertEquals(ok.view(), down.view(), "the last good reading stays visible");
        assertEquals(ok.lastStep(), down.lastStep());
        assertEquals(ok.inflight(), down.inflight());
        assertEquals(net.now.get(), down.polledAtMillis());
        assertEquals(1, down.failures());
        assertEquals(2, a.tick().failures());

        l1.down = false;
        l1.mine();
        Anchoring.Status back = a.tick();
        assertTrue(back.reachable());
        assertEquals(Optional.empty(), back.error());
        assertEquals(0, back.failures());
        assertEquals(new SubmitStep.Cleared(1, "anchored"), back.lastStep().orElseThrow());
        assertEquals(1, back.view().orElseThrow().anchoredCount());
    }

    @Test
    void theL2KeepsFormingCheckpointsDuringAnOutageAndTheyAreAnchoredAfter() {
        l1.down = true;
        Anchoring a = anchoring(0);
        Aggregator agg = new Aggregator(CheckpointFixture.signers(TestNet.N), 8, net.now::get);
        for (long n = 1; n <= 2; n++) {
            Checkpoint cp = TestNet.checkpoint(n);
            net.built.put(n, cp);
            agg.local(cp, CheckpointFixture.key(0).sign(cp.digest()), 0);
            agg.vote(1, n, cp.digest(), CheckpointFixture.key(1).sign(cp.digest()));
            VoteOutcome out = agg.vote(2, n, cp.digest(), CheckpointFixture.key(2).sign(cp.digest()));
            net.formed.put(n, assertInstanceOf(VoteOutcome.Formed.class, out).checkpoint());
            assertFalse(a.tick().reachable());
        }

        l1.down = false;
        assertEquals(1, sent(a.tick()).number());
        l1.mine();
        assertEquals(new SubmitStep.Cleared(1, "anchored"), a.tick().lastStep().orElseThrow());
        assertInstanceOf(SubmitStep.Waiting.class, a.tick().lastStep().orElseThrow(),
                "#2 is validator 1's to send first");
        net.advance(TAKEOVER.multipliedBy(3));
        assertEquals(2, sent(a.tick()).number());
        l1.mine();
        assertEquals(20, a.tick().view().orElseThrow().anchoredHeight());
    }

    @Test
    void anOutageRestartsTheTurnClock() {
        net.formUpTo(1);
        Anchoring second = anchoring(1);
        assertEquals(new SubmitStep.Waiting(1, TAKEOVER.toMillis()), second.tick().lastStep().orElseThrow());
        net.advance(TAKEOVER.minusSeconds(1));
        l1.down = true;
        second.tick();
        l1.down = false;
        net.advance(Duration.ofSeconds(2));
        assertEquals(new SubmitStep.Waiting(1, TAKEOVER.toMillis()), second.tick().lastStep().orElseThrow());
    }

    @Test
    void aFailedSubmissionKeepsTheL1ReachableAndRetries() {
        net.formUpTo(1);
        Anchoring a = anchoring(0);
        l1.failing.add("preflight");
        Anchoring.Status s = a.tick();
        assertTrue(s.reachable());
        assertTrue(s.error().orElseThrow().contains("preflight"));
        assertEquals(Optional.empty(), s.lastStep());
        assertTrue(s.view().isPresent());
        l1.failing.clear();
        assertEquals(1, sent(a.tick()).number());
    }

    private static SubmitStep.Sent sent(Anchoring.Status s) {
        assertTrue(s.reachable());
        return assertInstanceOf(SubmitStep.Sent.class, s.lastStep().orElseThrow());
    }
}
