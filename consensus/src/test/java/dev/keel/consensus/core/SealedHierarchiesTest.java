package dev.keel.consensus.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.TestChain;
import dev.keel.consensus.message.BlockRequest;
import dev.keel.consensus.message.BlockResponse;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.message.TimeoutMsg;
import dev.keel.consensus.message.CheckpointVote;
import dev.keel.consensus.message.TxBatch;
import dev.keel.consensus.message.VoteMsg;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.verify.MessageGate;
import dev.keel.consensus.verify.ReplicaView;
import dev.keel.consensus.verify.Verdict;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Dispatch over sealed types ends in {@code throw new AssertionError(...)} (DESIGN.md, Style):
 * these tests prove every permitted subclass is handled, and fail as soon as a new kind is
 * added without a case here — which is the point.
 */
class SealedHierarchiesTest {
    private static final TestChain T = TestChain.four();
    private static final Block B1 = T.child(T.genesis, 1);

    private static Set<Class<?>> permitted(Class<?> sealed) {
        assertTrue(sealed.isSealed(), sealed + " is sealed");
        return new HashSet<>(Arrays.asList(sealed.getPermittedSubclasses()));
    }

    /** One instance of every event kind, each meaningful for a replica at round 1 (validator 2). */
    private static Map<Class<?>, Supplier<Event>> events() {
        Map<Class<?>, Supplier<Event>> m = new LinkedHashMap<>();
        m.put(Event.Start.class, Event.Start::new);
        m.put(Event.ProposalReceived.class, () -> new Event.ProposalReceived(T.proposal(B1)));
        m.put(Event.VoteReceived.class, () -> new Event.VoteReceived(new VoteMsg(T.vote(1, B1), T.sync(T.genesisQc))));
        m.put(Event.TimeoutReceived.class, () -> new Event.TimeoutReceived(
                new TimeoutMsg(T.timeout(3, 1, T.genesisQc), T.sync(T.genesisQc))));
        m.put(Event.SyncReceived.class, () -> new Event.SyncReceived(T.sync(T.qc(B1)), 1));
        m.put(Event.TimerFired.class, () -> new Event.TimerFired(1));
        m.put(Event.PayloadReady.class, () -> new Event.PayloadReady(1, TestChain.payload("tx"), 1000));
        m.put(Event.BlocksFetched.class, () -> new Event.BlocksFetched(new BlockResponse(B1.id(), List.of(B1)), 1));
        m.put(Event.PeerReachability.class, () -> new Event.PeerReachability(2, false));
        return m;
    }

    @Test
    void everyEventKindIsHandledByTheReplica() {
        Map<Class<?>, Supplier<Event>> events = events();
        assertEquals(permitted(Event.class), events.keySet(), "add the new event kind here and to Replica.step");
        for (var e : events.entrySet()) {
            // Fresh replica per kind, started first so the event meets a replica in round 1.
            Replica fresh = T.replica(2);
            fresh.step(new Event.Start());
            Actions a = fresh.step(e.getValue().get());
            assertNotNull(a, e.getKey().getSimpleName());
        }
        // And all of them in sequence on one replica (the leader of round 1, so PayloadReady proposes).
        Replica leader = T.replica(1);
        for (Supplier<Event> e : events.values()) {
            assertNotNull(leader.step(e.get()));
        }
    }

    @Test
    void everyMessageKindIsHandledByTheGate() {
        Map<Class<?>, Message> messages = new LinkedHashMap<>();
        messages.put(Proposal.class, T.proposal(B1));
        messages.put(VoteMsg.class, new VoteMsg(T.vote(1, B1), T.sync(T.genesisQc)));
        messages.put(TimeoutMsg.class, new TimeoutMsg(T.timeout(1, 1, T.genesisQc), T.sync(T.genesisQc)));
        messages.put(BlockRequest.class, new BlockRequest(B1.id(), 1, 0));
        messages.put(BlockResponse.class, new BlockResponse(B1.id(), List.of(B1)));
        messages.put(TxBatch.class, new TxBatch(List.of(dev.keel.consensus.types.Bytes.wrap(new byte[] {1}))));
        messages.put(CheckpointVote.class, new CheckpointVote(1, B1.id(),
                dev.keel.consensus.types.Bytes.wrap(new byte[CheckpointVote.SIGNATURE_BYTES])));
        assertEquals(permitted(Message.class), messages.keySet(), "add the new message kind here and to MessageGate");
        var gate = new MessageGate(T.validators, T.chain, T.verifier(), T.leaders, 10, 100, 1 << 20);
        for (Message m : messages.values()) {
            Verdict v = gate.check(m, 1, new ReplicaView(1, 0, 0, 0, 0));
            assertTrue(v instanceof Verdict.Accept, m.getClass().getSimpleName() + " from its author is accepted: " + v);
        }
    }

    @Test
    void bothVerdictKindsArePossible() {
        assertEquals(Set.of(Verdict.Accept.class, Verdict.Reject.class), permitted(Verdict.class));
        var gate = new MessageGate(T.validators, T.chain, T.verifier(), T.leaders, 10, 100, 1 << 20);
        var view = new ReplicaView(1, 0, 0, 0, 0);
        assertTrue(gate.check(T.proposal(B1), 1, view) instanceof Verdict.Accept);
        assertTrue(gate.check(T.proposal(B1), 1, view) instanceof Verdict.Reject);
    }

    @Test
    void bothRecipientKindsAreProducedByTheReplica() {
        assertEquals(Set.of(Recipient.To.class, Recipient.All.class), permitted(Recipient.class));
        // The round-1 leader broadcasts its proposal to All and sends its vote To the round-2 leader.
        Replica leader = T.replica(1);
        leader.step(new Event.Start());
        Actions a = leader.step(new Event.PayloadReady(1, TestChain.payload("tx"), 1000));
        Set<Class<?>> seen = new HashSet<>();
        a.messages().forEach(o -> seen.add(o.to().getClass()));
        assertEquals(permitted(Recipient.class), seen);
        assertTrue(a.messages().stream().anyMatch(o -> o.to().equals(new Recipient.To(2)) && o.message() instanceof VoteMsg));
    }
}
