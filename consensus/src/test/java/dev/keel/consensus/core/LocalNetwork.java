package dev.keel.consensus.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keel.consensus.TestChain;
import dev.keel.consensus.message.BlockRequest;
import dev.keel.consensus.message.BlockResponse;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.message.TimeoutMsg;
import dev.keel.consensus.message.VoteMsg;
import dev.keel.consensus.port.BlockStore;
import dev.keel.consensus.safety.SafetyRecord;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.consensus.verify.MessageGate;
import dev.keel.consensus.verify.Verdict;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Replicas of a {@link TestChain} in one thread over a perfect FIFO network: every message
 * passes a {@link MessageGate} first and every batch is applied through {@link Driver}, as in
 * production. Payload requests are answered at once; timers fire only when the network is
 * quiet (time "passes" only when nothing else can happen). Validators in {@code silent}
 * never start and drop everything: a crashed node. Delivery is FIFO unless {@link #chaos}
 * asks for a seeded random order and message loss.
 *
 * <p>It checks the Actions ordering contract on every batch and at every send: the safety
 * record is durable before any vote or timeout of the replica leaves.
 */
final class LocalNetwork {
    private record Envelope(int to, int from, Message message, Event local) {
    }

    final TestChain chain;
    final Replica[] replicas;
    final List<List<Block>> committed = new ArrayList<>();
    private final Set<Integer> silent;
    private final MessageGate[] gates;
    private final Driver[] drivers;
    private final SafetyRecord[] persisted;
    private final TimerRequest[] timers;
    private final List<Map<Hash, Block>> stored = new ArrayList<>();
    private final Deque<Envelope> queue = new ArrayDeque<>();
    private Random chaos;
    private int dropPercent;
    int blockRequests;
    int selfSignedSends;
    int timersFired;

    LocalNetwork(TestChain chain, Set<Integer> silent) {
        this.chain = chain;
        this.silent = Set.copyOf(silent);
        int n = chain.n;
        replicas = new Replica[n];
        gates = new MessageGate[n];
        drivers = new Driver[n];
        persisted = new SafetyRecord[n];
        timers = new TimerRequest[n];
        for (int i = 0; i < n; i++) {
            replicas[i] = chain.replica(i);
            gates[i] = new MessageGate(chain.validators, chain.chain, chain.verifier(), chain.leaders,
                    TestChain.MAX_FUTURE_ROUNDS, TestChain.MAX_BLOCK_TXS, TestChain.MAX_BLOCK_BYTES);
            persisted[i] = SafetyRecord.INITIAL;
            committed.add(new ArrayList<>());
            stored.add(new HashMap<>());
            drivers[i] = new Driver(ports(i));
        }
    }

    static String tx(long round, int proposer) {
        return "tx-r" + round + "-v" + proposer;
    }

    /** Delivers queued envelopes in a seeded random order and drops {@code dropPercent}% of messages. */
    LocalNetwork chaos(long seed, int dropPercent) {
        this.chaos = new Random(seed);
        this.dropPercent = dropPercent;
        return this;
    }

    private Envelope next() {
        if (chaos == null) {
            return queue.poll();
        }
        List<Envelope> all = new ArrayList<>(queue);
        Envelope e = all.remove(chaos.nextInt(all.size()));
        queue.clear();
        queue.addAll(all);
        return e;
    }

    /** Starts every live replica, then delivers until {@code done} or the step budget runs out. */
    void runUntil(BooleanSupplier done, int maxSteps) {
        for (int i = 0; i < replicas.length; i++) {
            if (!silent.contains(i)) {
                step(i, new Event.Start());
            }
        }
        int steps = 0;
        while (!done.getAsBoolean()) {
            if (++steps > maxSteps) {
                fail("no progress after " + maxSteps + " steps, live rounds " + liveRounds());
            }
            if (queue.isEmpty()) {
                fireTimers();
            } else {
                deliver(next());
            }
        }
    }

    long minLiveRound() {
        return liveRounds().stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    int minLiveCommits() {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < replicas.length; i++) {
            if (!silent.contains(i)) {
                min = Math.min(min, committed.get(i).size());
            }
        }
        return min;
    }

    private List<Long> liveRounds() {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < replicas.length; i++) {
            if (!silent.contains(i)) {
                out.add(replicas[i].round());
            }
        }
        return out;
    }

    /** Live replicas committed the same chain, in order, heights 1, 2, 3, ... from genesis. */
    void assertConsistentCommits() {
        int shortest = minLiveCommits();
        List<Block> reference = null;
        for (int i = 0; i < replicas.length; i++) {
            if (silent.contains(i)) {
                continue;
            }
            List<Block> c = committed.get(i);
            if (reference == null) {
                reference = c;
            }
            assertEquals(reference.subList(0, shortest), c.subList(0, shortest), "replica " + i + " diverged");
            Block prev = chain.genesis;
            for (Block b : c) {
                assertEquals(prev.height() + 1, b.height());
                assertEquals(prev.id(), b.parentId());
                prev = b;
            }
            assertEquals(prev, replicas[i].committedHead());
        }
    }

    private void fireTimers() {
        boolean any = false;
        for (int i = 0; i < replicas.length; i++) {
            if (!silent.contains(i) && timers[i] != null) {
                TimerRequest t = timers[i];
                timers[i] = null;
                timersFired++;
                any = true;
                step(i, new Event.TimerFired(t.round()));
            }
        }
        if (!any) {
            fail("deadlock: nothing to deliver and no timer armed, live rounds " + liveRounds());
        }
    }

    private void deliver(Envelope e) {
        if (silent.contains(e.to()) || (chaos != null && e.message() != null && chaos.nextInt(100) < dropPercent)) {
            return;
        }
        if (e.local() != null) {
            step(e.to(), e.local());
            return;
        }
        // The same verdict-to-event mapping the production actor and the simulator use.
        Inbox.Routed routed = Inbox.route(gates[e.to()].check(e.message(), e.from(), replicas[e.to()].view()), e.from());
        routed.serve().ifPresent(req -> answer(e.from(), e.to(), req));
        routed.event().ifPresent(ev -> step(e.to(), ev));
    }

    private void step(int i, Event event) {
        Actions a = replicas[i].step(event);
        checkOrderingContract(i, a);
        drivers[i].apply(a);
    }

    /**
     * A batch that sends this replica's own vote or timeout either carries a safety record, or
     * re-sends exactly what the stored record already holds (DESIGN.md: durable before it leaves).
     */
    private void checkOrderingContract(int i, Actions a) {
        for (Outbound o : a.messages()) {
            if (o.message() instanceof VoteMsg vm && vm.vote().author() == i) {
                assertTrue(a.safety().isPresent() || persisted[i].lastVote().equals(Optional.of(vm.vote())),
                        "replica " + i + " sends vote " + vm.vote() + " without persisting it first");
            } else if (o.message() instanceof TimeoutMsg tm && tm.timeout().author() == i) {
                assertTrue(a.safety().isPresent() || persisted[i].lastTimeout().equals(Optional.of(tm.timeout())),
                        "replica " + i + " sends timeout " + tm.timeout() + " without persisting it first");
            }
        }
    }

    private Driver.Ports ports(int i) {
        BlockStore blocks = new BlockStore() {
            @Override
            public void saveBlock(Block block) {
                stored.get(i).put(block.id(), block);
            }

            @Override
            public void saveQc(QuorumCert qc) {
            }

            @Override
            public void saveTc(TimeoutCert tc) {
            }

            @Override
            public void commit(Commit c) {
                committed.get(i).addAll(c.blocks());
            }
        };
        return new Driver.Ports(
                record -> {
                    assertTrue(record.lastVotedRound() >= persisted[i].lastVotedRound(), "last voted round went back");
                    persisted[i] = record;
                },
                blocks,
                out -> send(i, out),
                c -> { },
                req -> queue.add(new Envelope(i, i, null, new Event.PayloadReady(req.round(),
                        TestChain.payload(tx(req.round(), i)), 1000 * req.round()))),
                timer -> timers[i] = timer);
    }

    /** The outbox: at the moment a message leaves, what it depends on must already be durable. */
    private void send(int from, Outbound out) {
        if (out.message() instanceof VoteMsg vm && vm.vote().author() == from) {
            assertEquals(Optional.of(vm.vote()), persisted[from].lastVote(), "vote left before its safety record");
            selfSignedSends++;
        } else if (out.message() instanceof TimeoutMsg tm && tm.timeout().author() == from) {
            assertEquals(Optional.of(tm.timeout()), persisted[from].lastTimeout(),
                    "timeout left before its safety record");
            selfSignedSends++;
        }
        if (out.message() instanceof BlockRequest req) {
            blockRequests++;
            answer(from, ((Recipient.To) out.to()).validator(), req);
        } else if (out.to() instanceof Recipient.To to) {
            queue.add(new Envelope(to.validator(), from, out.message(), null));
        } else if (out.to() instanceof Recipient.All) {
            for (int j = 0; j < replicas.length; j++) {
                if (j != from) {
                    queue.add(new Envelope(j, from, out.message(), null));
                }
            }
        } else {
            throw new AssertionError("unhandled recipient " + out.to());
        }
    }

    /** The shell's job, not the core's: answer a block request from what the peer stored. */
    private void answer(int asker, int peer, BlockRequest req) {
        if (silent.contains(peer)) {
            return;
        }
        List<Block> blocks = new ArrayList<>();
        Block b = stored.get(peer).get(req.blockId());
        while (b != null && blocks.size() < req.count() && b.height() > req.stopAboveHeight()) {
            blocks.add(b);
            b = stored.get(peer).get(b.parentId());
        }
        queue.add(new Envelope(asker, peer, new BlockResponse(req.blockId(), blocks), null));
    }
}
