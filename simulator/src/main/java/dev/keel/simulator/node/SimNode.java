package dev.keel.simulator.node;

import dev.keel.consensus.core.Actions;
import dev.keel.consensus.core.Commit;
import dev.keel.consensus.core.Driver;
import dev.keel.consensus.core.Event;
import dev.keel.consensus.core.Inbox;
import dev.keel.consensus.core.Outbound;
import dev.keel.consensus.core.PayloadRequest;
import dev.keel.consensus.core.RecoveredState;
import dev.keel.consensus.core.Recipient;
import dev.keel.consensus.core.Replica;
import dev.keel.consensus.core.ReplicaConfig;
import dev.keel.consensus.core.Sabotage;
import dev.keel.consensus.core.TimerRequest;
import dev.keel.consensus.crypto.Signer;
import dev.keel.consensus.message.BlockRequest;
import dev.keel.consensus.message.BlockResponse;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.message.TimeoutMsg;
import dev.keel.consensus.message.VoteMsg;
import dev.keel.consensus.port.BlockStore;
import dev.keel.consensus.safety.SafetyRecord;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.verify.CertificateVerifier;
import dev.keel.consensus.verify.MessageGate;
import dev.keel.consensus.verify.Rejection;
import dev.keel.storage.MemoryStore;
import java.util.EnumMap;
import java.util.Map;

/**
 * The simulation shell around one replica, the twin of the production actor: it turns
 * deliveries and virtual timers into events, runs them through the gate and the replica,
 * and applies the actions with the same {@link Driver}. Its {@link MemoryStore} is what
 * survives a crash; everything else is rebuilt on restart.
 */
public final class SimNode {
    private final int id;
    private final ReplicaConfig config;
    private final Signer signer;
    private final CertificateVerifierFactory verifiers;
    private final MemoryStore store;
    private final World world;
    private final Behavior behavior;
    private final double drift;
    private final Mempool mempool;
    private final Map<Rejection, Long> rejections = new EnumMap<>(Rejection.class);
    private Replica replica;
    private MessageGate gate;
    private Driver driver;
    private boolean up;
    private long timerGeneration;
    private CrashPoint armed;
    private long crashes;
    /** The application's own durable progress: the last committed height it was told of. */
    private long appliedHeight;

    /** Builds a verifier per incarnation (its cache is volatile state too). */
    public interface CertificateVerifierFactory {
        CertificateVerifier create();
    }

    public SimNode(int id, ReplicaConfig config, Signer signer, CertificateVerifierFactory verifiers, Block genesis,
                   World world, Behavior behavior, double drift) {
        this.id = id;
        this.config = config;
        this.signer = signer;
        this.verifiers = verifiers;
        this.store = new MemoryStore(genesis);
        this.world = world;
        this.behavior = behavior;
        this.drift = drift;
        this.mempool = new Mempool(store);
    }

    public int id() {
        return id;
    }

    public int validator() {
        return config.self();
    }

    public boolean honest() {
        return behavior.honest();
    }

    public boolean isUp() {
        return up;
    }

    public World world() {
        return world;
    }

    public Behavior behavior() {
        return behavior;
    }

    public ReplicaConfig config() {
        return config;
    }

    public Signer signer() {
        return signer;
    }

    public MemoryStore store() {
        return store;
    }

    public Replica replica() {
        return replica;
    }

    public Map<Rejection, Long> rejections() {
        return rejections;
    }

    public long crashes() {
        return crashes;
    }

    /** Starts (or restarts) from whatever the store holds. */
    public void start() {
        RecoveredState rec = store.recover();
        if (config.sabotage().contains(Sabotage.FORGET_SAFETY_RECORD)) {
            rec = new RecoveredState(SafetyRecord.INITIAL, rec.committedHead(), rec.highCommitQc(), rec.pending(), rec.highQc(), rec.highTc());
        }
        replica = new Replica(config, signer, rec);
        gate = new MessageGate(config.validators(), config.chain(), verifiers.create(), config.leaders(),
                config.maxFutureRounds(), config.maxBlockTxs(), config.maxBlockBytes());
        driver = new Driver(new Driver.Ports(this::saveSafety, new Blocks(), this::sendOut, this::onCommitted,
                this::onPayloadRequest, this::setTimer));
        up = true;
        trace("start h=" + rec.committedHead().height() + " lvr=" + rec.safety().lastVotedRound());
        replayCommitted();
        step(new Event.Start());
    }

    /** Power cut: everything not in the store is gone, pending timers never fire. */
    public void crash() {
        if (!up) {
            return;
        }
        up = false;
        crashes++;
        timerGeneration++;
        replica = null;
        gate = null;
        armed = null;
        mempool.clear();
        trace("crash");
    }

    /** Crashes at the next time execution reaches {@code point}. */
    public void arm(CrashPoint point) {
        if (up) {
            armed = point;
        }
    }

    public void submit(Bytes tx) {
        if (up) {
            mempool.add(tx);
        }
    }

    public void deliver(Message m, int from) {
        if (!up) {
            return;
        }
        behavior.onInbound(this, m, from);
        Inbox.Routed routed = Inbox.route(gate.check(m, from, replica.view()), from);
        routed.rejected().ifPresent(this::count);
        routed.serve().ifPresent(req -> serve(req, from));
        routed.event().ifPresent(this::step);
    }

    private void serve(BlockRequest req, int from) {
        var blocks = store.ancestors(req.blockId(), req.count(), req.stopAboveHeight());
        world.send(this, new Recipient.To(from), new BlockResponse(req.blockId(), blocks));
    }

    public void step(Event e) {
        if (!up) {
            return;
        }
        Actions a = replica.step(e);
        a.rejections().forEach(this::count);
        try {
            driver.apply(a);
        } catch (SimulatedCrash c) {
            trace(c.getMessage());
            crash();
            world.crashedAt(this);
        }
    }

    private void count(Rejection r) {
        rejections.merge(r, 1L, Long::sum);
    }

    private void trace(String what) {
        if (world.trace() != null) {
            world.trace().record(world.queue().nowMicros(), "n" + id + " " + what);
        }
    }

    // ---- ports ----

    private void maybeCrash(CrashPoint p) {
        if (armed == p) {
            armed = null;
            throw new SimulatedCrash(p);
        }
    }

    private void saveSafety(SafetyRecord r) {
        maybeCrash(CrashPoint.BEFORE_SAFETY_WRITE);
        r.lastVote().ifPresent(v -> world.signedVote(this, v));
        r.lastTimeout().ifPresent(t -> world.signedTimeout(this, t));
        store.saveSafety(r);
        maybeCrash(CrashPoint.AFTER_SAFETY_WRITE);
    }

    private final class Blocks implements BlockStore {
        @Override
        public void saveBlock(Block block) {
            store.saveBlock(block);
        }

        @Override
        public void saveQc(QuorumCert qc) {
            store.saveQc(qc);
        }

        @Override
        public void saveTc(dev.keel.consensus.types.TimeoutCert tc) {
            store.saveTc(tc);
        }

        @Override
        public void commit(Commit commit) {
            maybeCrash(CrashPoint.BEFORE_COMMIT);
            store.commit(commit);
            maybeCrash(CrashPoint.AFTER_COMMIT);
        }
    }

    private void sendOut(Outbound out) {
        if (out.message() instanceof VoteMsg v && v.vote().author() == validator()) {
            world.signedVote(this, v.vote());
        } else if (out.message() instanceof TimeoutMsg t && t.timeout().author() == validator()) {
            world.signedTimeout(this, t.timeout());
        }
        behavior.onOutbound(this, out);
    }

    private void onCommitted(Commit c) {
        mempool.onCommit(c);
        appliedHeight = c.last().height();
        world.committed(this, c.blocks());
    }

    /**
     * A crash between writing a commit and telling the application loses the telling, not
     * the commit: on start, hand the application every stored block it has not applied.
     */
    private void replayCommitted() {
        java.util.List<Block> missed = new java.util.ArrayList<>();
        for (long h = appliedHeight + 1; h <= store.committedHeight(); h++) {
            missed.add(store.blockByHeight(h).orElseThrow());
        }
        if (!missed.isEmpty()) {
            trace("replay " + missed.size() + " committed blocks to the application");
            appliedHeight = store.committedHeight();
            world.committed(this, missed);
        }
    }

    private void onPayloadRequest(PayloadRequest req) {
        Payload payload = new Payload(mempool.take(config.maxBlockTxs(), req.excludedTxs()));
        // Each node's wall clock is skewed by its id in ms: real machines differ, and twins
        // that read identical clocks would propose identical blocks and never equivocate.
        long ts = (long) (world.queue().nowMicros() * drift / 1000) + id;
        world.queue().after(0, () -> step(new Event.PayloadReady(req.round(), payload, ts)));
    }

    private void setTimer(TimerRequest t) {
        long gen = ++timerGeneration;
        long delay = (long) (t.after().toNanos() / 1000 * drift);
        trace("arm r" + t.round() + " +" + delay / 1000 + "ms");
        world.queue().after(delay, () -> {
            if (up && gen == timerGeneration) {
                trace("timer r" + t.round());
                step(new Event.TimerFired(t.round()));
            }
        });
    }
}
