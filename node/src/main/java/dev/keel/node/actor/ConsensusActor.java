package dev.keel.node.actor;

import dev.keel.consensus.core.Actions;
import dev.keel.consensus.core.Commit;
import dev.keel.consensus.core.Driver;
import dev.keel.consensus.core.Event;
import dev.keel.consensus.core.Inbox;
import dev.keel.consensus.core.Outbound;
import dev.keel.consensus.core.PayloadRequest;
import dev.keel.consensus.core.Recipient;
import dev.keel.consensus.core.Replica;
import dev.keel.consensus.core.TimerRequest;
import dev.keel.consensus.message.BlockRequest;
import dev.keel.consensus.message.BlockResponse;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.message.TimeoutMsg;
import dev.keel.consensus.message.VoteMsg;
import dev.keel.consensus.port.BlockStore;
import dev.keel.consensus.safety.SafetyRecord;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.consensus.verify.MessageGate;
import java.time.Duration;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production shell around one {@link Replica}: a thin actor that turns network messages
 * and Pekko timers into events, and applies the replica's actions with the shared
 * {@link Driver} (so the ordering contract — safety record durable before any send — is
 * written once). It decides nothing about the protocol. It runs on a dedicated dispatcher
 * because its storage writes block (LMDB, synced).
 *
 * <p>A storage failure halts it: it stops voting and says why, rather than risk sending a
 * vote whose safety record is not durable (DESIGN: broken invariant → fail fast, not fork).
 */
public final class ConsensusActor extends AbstractBehavior<ConsensusActor.Command> {
    private static final Logger LOG = LoggerFactory.getLogger(ConsensusActor.class);
    private static final String ROUND_TIMER = "round";

    /** What the actor handles. */
    public sealed interface Command {
    }

    /** A message from a peer, decoded and authenticated by the transport, not yet verified. */
    public record FromPeer(int from, Message message) implements Command {
    }

    record RoundTimer(long round) implements Command {
    }

    record PayloadReady(long round, Payload payload, long timestampMillis) implements Command {
    }

    /** A transaction arrived while this leader waited for some. */
    record TxsArrived() implements Command {
    }

    /** The leader waited long enough: propose what there is, even nothing. */
    record IdleDeadline(long round) implements Command {
    }

    /** Periodic look at the transport's links, to tell the replica which leaders are unreachable. */
    record CheckLinks() implements Command {
    }

    private static final Duration LINK_CHECK = Duration.ofMillis(250);
    /** Consecutive checks a link must be down before its validator counts as unreachable (rides out reconnects). */
    private static final int DOWN_CHECKS = 2;
    private final java.util.Map<Integer, Integer> downFor = new java.util.HashMap<>();
    private final java.util.Set<Integer> reportedDown = new java.util.HashSet<>();

    private final ConsensusDeps deps;
    private final TimerScheduler<Command> timers;
    private final Replica replica;
    private final MessageGate gate;
    private final Driver driver;
    private String halted;
    /** A payload request waiting for transactions (this leader had none and nothing was urgent). */
    private PayloadRequest parked;
    private final PendingWrites writes = new PendingWrites();

    public static Behavior<Command> create(ConsensusDeps deps) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new ConsensusActor(ctx, timers, deps)));
    }

    private ConsensusActor(ActorContext<Command> ctx, TimerScheduler<Command> timers, ConsensusDeps deps) {
        super(ctx);
        this.deps = deps;
        this.timers = timers;
        var cfg = deps.config();
        var recovered = deps.store().recover();
        this.replica = new Replica(cfg, deps.signer(), recovered);
        this.gate = new MessageGate(cfg.validators(), cfg.chain(), deps.verifier(), cfg.leaders(), cfg.maxFutureRounds(),
                cfg.maxBlockTxs(), cfg.maxBlockBytes());
        this.driver = new Driver(new Driver.Ports(this::saveSafety, new Blocks(), this::send, this::onCommit,
                this::requestPayload, this::setTimer));
        LOG.info("replica recovered validator={} height={} lastVotedRound={} highQcRound={}", cfg.self(),
                recovered.committedHead().height(), recovered.safety().lastVotedRound(), recovered.highQc().round());
        step(new Event.Start());
        timers.startTimerWithFixedDelay("links", new CheckLinks(), LINK_CHECK);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(FromPeer.class, this::onFromPeer)
                .onMessage(RoundTimer.class, t -> step(new Event.TimerFired(t.round())))
                .onMessage(PayloadReady.class, p -> step(new Event.PayloadReady(p.round(), p.payload(), p.timestampMillis())))
                .onMessage(CheckLinks.class, c -> checkLinks())
                .onMessage(TxsArrived.class, t -> answerParked())
                .onMessage(IdleDeadline.class, d -> answerParked())
                .onSignal(PostStop.class, s -> {
                    LOG.info("consensus actor stopped validator={}", deps.config().self());
                    return this;
                })
                .build();
    }

    private Behavior<Command> onFromPeer(FromPeer m) {
        if (halted != null) {
            return this;
        }
        if (m.message() instanceof VoteMsg v) {
            deps.events().onVoteReceived(v.vote().author());
        }
        Inbox.Routed routed = Inbox.route(gate.check(m.message(), m.from(), replica.view()), m.from());
        routed.rejected().ifPresent(deps.events()::onRejected);
        routed.serve().ifPresent(req -> serve(req, m.from()));
        routed.gossip().ifPresent(b -> deps.txs().onGossip(m.from(), b));
        routed.checkpointVote().ifPresent(v -> deps.checkpointVotes().accept(m.from(), v));
        routed.event().ifPresent(this::step);
        return this;
    }

    private Behavior<Command> checkLinks() {
        if (halted != null) {
            return this;
        }
        try {
            flush(); // QCs, TCs and blocks a quiet step left staged
        } catch (RuntimeException ex) {
            halt("storage failure: " + ex.getMessage());
            return this;
        }
        for (var s : deps.transport().stats().values()) {
            int v = s.validator();
            int down = s.connected() ? 0 : downFor.getOrDefault(v, 0) + 1;
            downFor.put(v, down);
            if (down >= DOWN_CHECKS && reportedDown.add(v)) {
                LOG.info("peer unreachable validator={}", v);
                step(new Event.PeerReachability(v, false));
            } else if (down == 0 && reportedDown.remove(v)) {
                LOG.info("peer reachable again validator={}", v);
                step(new Event.PeerReachability(v, true));
            }
        }
        return this;
    }

    private void serve(BlockRequest req, int from) {
        var blocks = deps.store().ancestors(req.blockId(), req.count(), req.stopAboveHeight());
        deps.transport().send(from, new BlockResponse(req.blockId(), blocks));
    }

    private Behavior<Command> step(Event e) {
        if (halted != null) {
            return this;
        }
        Actions a = replica.step(e);
        a.rejections().forEach(deps.events()::onRejected);
        a.evidence().forEach(deps.events()::onEvidence);
        try {
            a.commits().forEach(writes::commit); // same transaction as the step's other writes
            driver.apply(a);
            if (writes.urgent()) {
                flush();
            }
        } catch (RuntimeException ex) {
            halt("storage failure: " + ex.getMessage());
            return this;
        }
        deps.events().onProgress(replica.progress(), replica.highQc(), replica.safetyRules().record(), replica.committedHead());
        return this;
    }

    private void halt(String reason) {
        halted = reason;
        timers.cancelAll();
        LOG.error("node halted, no longer voting validator={} reason=\"{}\" (restart after fixing the cause)",
                deps.config().self(), reason);
        deps.events().onHalt(reason);
    }

    // ---- ports ----

    private void saveSafety(SafetyRecord r) {
        writes.safety(r);
    }

    /** Makes the step's gathered writes durable: before anything leaves, and at the end of each step. */
    private void flush() {
        if (writes.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        writes.flush(deps.store());
        deps.events().onStorageWrite(System.nanoTime() - t0);
    }

    private final class Blocks implements BlockStore {
        @Override
        public void saveBlock(Block block) {
            writes.block(block);
        }

        @Override
        public void saveQc(QuorumCert qc) {
            writes.qc(qc);
        }

        @Override
        public void saveTc(TimeoutCert tc) {
            writes.tc(tc);
        }

        @Override
        public void commit(Commit commit) {
            flush(); // staged before the step ran: durable here at the latest, before the listener hears of it
        }
    }

    private void send(Outbound o) {
        flush();
        if (o.message() instanceof TimeoutMsg t && t.timeout().author() == deps.config().self()) {
            deps.events().onTimeoutSigned(t.round());
        }
        if (o.to() instanceof Recipient.To to) {
            deps.transport().send(to.validator(), o.message());
        } else {
            deps.transport().broadcast(o.message());
        }
    }

    private void onCommit(Commit c) {
        Block last = c.last();
        LOG.info("commit height={} round={} block={} blocks={} txs={}", last.height(), last.round(), last.id(),
                c.blocks().size(), c.blocks().stream().mapToInt(b -> b.payload().txs().size()).sum());
        deps.events().onCommit(c.blocks());
        deps.txs().onCommitted(c);
    }

    /**
     * Proposes at once when there are transactions or the block is needed to commit earlier
     * ones; otherwise waits (bounded by {@code idleProposalWait}) so an idle chain does not
     * churn out empty blocks, and a transaction that arrives meanwhile is proposed at once.
     */
    private void requestPayload(PayloadRequest req) {
        parked = null;
        var payload = deps.txs().payload(req, req.urgent());
        if (payload.isPresent()) {
            ready(req, payload.get());
            return;
        }
        parked = req;
        timers.startSingleTimer("idle", new IdleDeadline(req.round()), deps.idleProposalWait());
        var self = getContext().getSelf();
        deps.txs().wakeOnArrival(() -> self.tell(new TxsArrived()));
    }

    private Behavior<Command> answerParked() {
        PayloadRequest req = parked;
        if (req == null) {
            return this;
        }
        parked = null;
        timers.cancel("idle");
        ready(req, deps.txs().payload(req, true).orElse(Payload.EMPTY));
        return this;
    }

    private void ready(PayloadRequest req, Payload payload) {
        getContext().getSelf().tell(new PayloadReady(req.round(), payload, System.currentTimeMillis()));
    }

    private void setTimer(TimerRequest t) {
        Duration d = t.after();
        timers.startSingleTimer(ROUND_TIMER, new RoundTimer(t.round()), d);
    }
}
