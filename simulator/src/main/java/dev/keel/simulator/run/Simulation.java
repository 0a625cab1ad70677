package dev.keel.simulator.run;

import dev.keel.consensus.core.Recipient;
import dev.keel.consensus.core.ReplicaConfig;
import dev.keel.consensus.crypto.Ed25519;
import dev.keel.consensus.crypto.KeyPair;
import dev.keel.consensus.crypto.SignatureScheme;
import dev.keel.consensus.crypto.Signer;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.PublicKey;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.ValidatorSet;
import dev.keel.consensus.types.Vote;
import dev.keel.consensus.verify.CertificateVerifier;
import dev.keel.simulator.EventQueue;
import dev.keel.simulator.Fault;
import dev.keel.simulator.SimOptions;
import dev.keel.simulator.SimSignatures;
import dev.keel.simulator.Trace;
import dev.keel.simulator.check.Invariants;
import dev.keel.simulator.net.LinkFilter;
import dev.keel.simulator.net.NetworkModel;
import dev.keel.simulator.node.CrashPoint;
import dev.keel.simulator.node.SimNode;
import dev.keel.simulator.node.World;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One deterministic run: a set of simulated nodes on a virtual clock and a seeded network.
 * Faults come from a {@link FaultPlan}, a Twins scenario or a chaos scenario's schedule
 * during the fault phase; then everything heals and every honest node must commit within the
 * liveness bound.
 * Single-threaded: the same seed always yields the same trace digest.
 */
public final class Simulation implements World {
    static final Duration BASE_TIMEOUT = Duration.ofMillis(500);
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(4);
    static final long CLIENT_INTERVAL_MICROS = 20_000;

    private final long seed;
    private final SimOptions options;
    private final SplittableRandom random;
    private final EventQueue queue = new EventQueue();
    private final Trace trace;
    private final Invariants invariants = new Invariants();
    private final List<SimNode> nodes = new ArrayList<>();
    private final Topology topology;
    private final Set<Long> timedOutRounds = new HashSet<>();
    private final Map<Integer, Long> downtime = new HashMap<>();
    private final Map<Integer, Long> silencedUntil = new HashMap<>();
    /** Nodes outside the network: a scenario's twin copy before it joins or after it left. */
    private final Set<Integer> absent = new HashSet<>();
    /** Paused nodes, each with the work held for it (deliveries, its own sends) in arrival order. */
    private final Map<Integer, List<Runnable>> held = new HashMap<>();
    private LinkFilter filter = LinkFilter.OPEN;
    /** A round-keyed filter (a Twins scenario), applied on top of the time-based partitions. */
    private LinkFilter roundFilter = LinkFilter.OPEN;
    private NetworkModel model;
    private boolean healed;
    private long txCounter;

    public Simulation(SimOptions options, long seed, Topology topology, PrintStream traceOut) {
        this.seed = seed;
        this.options = options;
        this.random = new SplittableRandom(seed);
        this.topology = topology;
        this.trace = new Trace(traceOut);
        Set<Fault> f = options.faults();
        this.model = new NetworkModel(f.contains(Fault.DELAY), f.contains(Fault.LOSS) ? 0.05 : 0,
                f.contains(Fault.DUPLICATION) ? 0.03 : 0);
        buildNodes();
    }

    private void buildNodes() {
        int n = topology.validators();
        SignatureScheme scheme = options.crypto().equals("ed25519") ? new Ed25519() : new SimSignatures();
        List<KeyPair> keys = new ArrayList<>();
        List<PublicKey> pubs = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            byte[] s = new byte[32];
            s[0] = (byte) v;
            s[1] = (byte) (v >> 8);
            s[31] = 42;
            KeyPair kp = scheme.keyPair(s);
            keys.add(kp);
            pubs.add(kp.publicKey());
        }
        ValidatorSet set = new ValidatorSet(pubs);
        ChainContext chain = new ChainContext("keel-sim", 0);
        Block genesis = Block.genesis(chain, n);
        for (Topology.NodeSpec spec : topology.nodes()) {
            int v = spec.validator();
            // Sabotage is off in every replica: the byzantine ones exploit it, only honest ones are judged.
            var cfg = new ReplicaConfig(chain, set, v, topology.leaders(), BASE_TIMEOUT, MAX_TIMEOUT, 100, 100, 1 << 20,
                    options.sabotage());
            double drift = options.faults().contains(Fault.DRIFT) ? 0.8 + random.nextDouble() * 0.45 : 1.0;
            SimNode.CertificateVerifierFactory verifiers = () -> new CertificateVerifier(set, chain, scheme, cfg.quorum(), genesis.id());
            nodes.add(new SimNode(nodes.size(), cfg, new Signer(scheme, keys.get(v), chain), verifiers, genesis, this,
                    spec.behavior(), drift));
        }
    }

    public Topology topology() {
        return topology;
    }

    /** Runs to the end and checks liveness; faults must already be scheduled by the caller. */
    public SeedResult run(long healAtMicros) {
        if (topology.twins() != null) {
            setRoundFilter(topology.twins().filter());
        }
        nodes.stream().filter(n -> !absent.contains(n.id())).forEach(SimNode::start);
        scheduleClients();
        queue.at(healAtMicros, this::heal);
        long end = healAtMicros + options.livenessBound().toNanos() / 1000;
        queue.runUntil(end, this::allRecovered);
        invariants.checkLiveness(options.livenessBound().toNanos() / 1000, queue.nowMicros());
        return result();
    }

    private boolean allRecovered() {
        return healed && invariants.worstRecoveryMicros() >= 0 && queue.nowMicros() > 0;
    }

    private void scheduleClients() {
        queue.after(CLIENT_INTERVAL_MICROS, new Runnable() {
            @Override
            public void run() {
                Bytes tx = Bytes.wrap(("tx-" + seed + "-" + (txCounter++)).getBytes(StandardCharsets.UTF_8));
                invariants.submitted(tx);
                for (SimNode n : nodes) {
                    queue.after(model.delayMicros(random), () -> whenRunning(n, () -> n.submit(tx)));
                }
                queue.after(CLIENT_INTERVAL_MICROS, this);
            }
        });
    }

    /** The last fault ends: open network, calm links, every crashed node restarts. */
    private void heal() {
        healed = true;
        filter = LinkFilter.OPEN;
        roundFilter = LinkFilter.OPEN;
        model = new NetworkModel(false, 0, 0);
        trace.record(queue.nowMicros(), "heal");
        List.copyOf(held.keySet()).stream().sorted().forEach(this::resume);
        for (SimNode n : nodes) {
            n.arm(null);
            if (!n.isUp() && !absent.contains(n.id())) {
                n.start();
            }
        }
        Map<Integer, Long> heights = new TreeMap<>();
        for (SimNode n : nodes) {
            if (n.honest()) {
                heights.put(n.id(), n.store().committedHeight());
            }
        }
        invariants.healed(queue.nowMicros(), heights);
    }

    // ---- fault hooks used by FaultPlan and Twins ----

    public void setFilter(LinkFilter f) {
        if (!healed) {
            filter = f;
            trace.record(queue.nowMicros(), "partition " + f);
        }
    }

    public void setRoundFilter(LinkFilter f) {
        roundFilter = f;
        trace.record(queue.nowMicros(), "round-filter " + f);
    }

    /** Crashes now (or arms a persistence-point crash) and restarts after {@code downMicros}. */
    public void crash(int nodeId, CrashPoint point, long downMicros) {
        if (healed) {
            return;
        }
        SimNode n = nodes.get(nodeId);
        downtime.put(nodeId, downMicros);
        if (point == CrashPoint.ANY_TIME) {
            n.crash();
            crashedAt(n);
        } else {
            n.arm(point);
        }
    }

    @Override
    public void crashedAt(SimNode node) {
        long down = downtime.getOrDefault(node.id(), 100_000L);
        queue.after(down, () -> {
            if (!node.isUp() && !healed) {
                node.start();
            }
        });
    }

    /** Keeps a node out of the network from the start: not started, unreachable. Call before {@link #run}. */
    public void keepOut(int nodeId) {
        absent.add(nodeId);
    }

    /** A node kept out joins now, starting from whatever its store holds (a twin copy: nothing). */
    public void join(int nodeId) {
        if (absent.remove(nodeId)) {
            trace.record(queue.nowMicros(), "n" + nodeId + " joins");
            nodes.get(nodeId).start();
        }
    }

    /**
     * A node leaves the network for the rest of the run, as a stopped process: nothing it
     * sends arrives and nothing reaches it. It is not crashed, so it counts no crash-restart.
     */
    public void leave(int nodeId) {
        if (absent.add(nodeId)) {
            trace.record(queue.nowMicros(), "n" + nodeId + " leaves");
        }
    }

    /**
     * Pauses a node (SIGSTOP): from now on, messages and client transactions arriving for it,
     * and whatever it sends, are held, and are delivered and sent in order on {@link #resume}.
     * Its memory is intact. Its local timers still fire during the pause (the event queue has no
     * per-node stop), but what they make it send is held too, so nothing of it is seen outside;
     * a stopped process would instead fire them late, at resume.
     */
    public void pause(int nodeId) {
        if (!healed && held.putIfAbsent(nodeId, new ArrayList<>()) == null) {
            trace.record(queue.nowMicros(), "n" + nodeId + " paused");
        }
    }

    /** Resumes a paused node (SIGCONT): the held work runs now, in the order it arrived. */
    public void resume(int nodeId) {
        List<Runnable> work = held.remove(nodeId);
        if (work != null) {
            trace.record(queue.nowMicros(), "n" + nodeId + " resumed with " + work.size() + " held");
            work.forEach(w -> queue.after(0, w));
        }
    }

    /** Runs work for {@code node} now, holds it while the node is paused, drops it while the node is out. */
    private void whenRunning(SimNode node, Runnable work) {
        List<Runnable> h = held.get(node.id());
        if (h != null) {
            h.add(work);
        } else if (!absent.contains(node.id())) {
            work.run();
        }
    }

    public List<SimNode> nodes() {
        return nodes;
    }

    /** The current leader as seen by the most advanced honest node. */
    public int currentLeader() {
        long round = 0;
        for (SimNode n : nodes) {
            if (n.honest() && n.isUp()) {
                round = Math.max(round, n.replica().round());
            }
        }
        return topology.leaders().leader(round);
    }

    // ---- World ----

    @Override
    public EventQueue queue() {
        return queue;
    }

    @Override
    public SplittableRandom random() {
        return random;
    }

    @Override
    public Trace trace() {
        return trace;
    }

    @Override
    public void silence(int validator, long micros) {
        if (!healed) {
            silencedUntil.put(validator, queue.nowMicros() + micros);
            trace.record(queue.nowMicros(), "adversary silences validator " + validator + " for " + micros / 1000 + "ms");
        }
    }

    @Override
    public void send(SimNode from, Recipient to, Message m) {
        if (absent.contains(from.id())) {
            return;
        }
        if (held.containsKey(from.id())) {
            held.get(from.id()).add(() -> send(from, to, m));
            return;
        }
        if (!healed && silencedUntil.getOrDefault(from.validator(), -1L) > queue.nowMicros()) {
            return;
        }
        long round = m.round() > 0 ? m.round() : (from.isUp() ? from.replica().round() : 0);
        for (SimNode target : nodes) {
            boolean addressed = to instanceof Recipient.To t ? target.validator() == t.validator()
                    : target.validator() != from.validator();
            if (!addressed || target == from || absent.contains(target.id())) {
                continue;
            }
            if (!filter.allows(from.id(), target.id(), round) || !roundFilter.allows(from.id(), target.id(), round)
                    || model.lost(random)) {
                continue;
            }
            int copies = model.duplicated(random) ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                queue.after(model.delayMicros(random), () -> whenRunning(target, () -> {
                    trace.record(queue.nowMicros(), "n" + from.id() + ">n" + target.id() + " " + Describe.message(m));
                    target.deliver(m, from.validator());
                }));
            }
        }
    }

    @Override
    public void signedVote(SimNode node, Vote vote) {
        if (node.honest()) {
            invariants.onVote(vote, queue.nowMicros());
        }
    }

    @Override
    public void signedTimeout(SimNode node, Timeout timeout) {
        if (node.honest()) {
            timedOutRounds.add(timeout.round());
            invariants.onTimeout(timeout, queue.nowMicros());
        }
    }

    @Override
    public void committed(SimNode node, List<Block> blocks) {
        if (node.honest()) {
            invariants.onCommit(node.id(), blocks, queue.nowMicros());
        }
    }

    private SeedResult result() {
        Map<String, Long> rejections = new TreeMap<>();
        long crashes = 0;
        for (SimNode n : nodes) {
            n.rejections().forEach((k, v) -> rejections.merge(k.name().toLowerCase(), v, Long::sum));
            crashes += n.crashes();
        }
        return new SeedResult(seed, invariants.violations(), invariants.maxCommittedHeight(), invariants.committedTxs(),
                timedOutRounds.size(), queue.nowMicros(), queue.processed(), trace.digestHex(),
                invariants.worstRecoveryMicros(), crashes, rejections, topology.byzantineSummary());
    }

    public Invariants invariants() {
        return invariants;
    }
}
