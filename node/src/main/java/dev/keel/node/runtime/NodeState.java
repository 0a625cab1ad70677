package dev.keel.node.runtime;

import dev.keel.consensus.core.Evidence;
import dev.keel.consensus.core.RoundProgress;
import dev.keel.consensus.safety.SafetyRecord;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.verify.Rejection;
import dev.keel.network.Transport;
import dev.keel.node.actor.NodeEvents;
import dev.keel.node.metrics.NodeMetrics;
import dev.keel.node.status.EvidenceLog;
import dev.keel.node.status.NodeStatus;
import dev.keel.node.status.NodeView;
import dev.keel.node.status.ProcessStats;
import dev.keel.node.status.RoundReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge between the consensus actor and everyone who watches the node: it turns the
 * actor's reports into metrics and logs, and keeps an immutable snapshot that the HTTP API
 * and the testnet read from any thread.
 */
public final class NodeState implements NodeEvents, NodeView {
    private static final Logger LOG = LoggerFactory.getLogger(NodeState.class);

    /** What the actor last reported, swapped atomically. */
    private record Snapshot(RoundProgress progress, QuorumCert highQc, SafetyRecord safety, Block head,
                            long lastCommitMillis, long lastCommitLatencyMillis) {
    }

    private final String chainId;
    private final int self;
    private final int validators;
    private final NodeMetrics metrics;
    private final Supplier<Transport> transport;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private final AtomicReference<String> halted = new AtomicReference<>();
    private final EvidenceLog evidence = new EvidenceLog(EvidenceLog.DEFAULT_CAPACITY);
    private long lastRound;

    NodeState(String chainId, int self, int validators, NodeMetrics metrics, Supplier<Transport> transport) {
        this.chainId = chainId;
        this.self = self;
        this.validators = validators;
        this.metrics = metrics;
        this.transport = transport;
    }

    @Override
    public void onCommit(List<Block> blocks) {
        Block last = blocks.get(blocks.size() - 1);
        long now = System.currentTimeMillis();
        metrics.onCommit(last.height());
        Snapshot s = snapshot.get();
        if (s != null) {
            snapshot.set(new Snapshot(s.progress(), s.highQc(), s.safety(), last, now, Math.max(0, now - last.header().timestampMillis())));
        }
    }

    @Override
    public void onRejected(Rejection reason) {
        metrics.onRejected(reason.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public void onEvidence(Evidence e) {
        EvidenceLog.Entry entry = evidence.add(e, System.currentTimeMillis());
        metrics.onRejected("evidence_" + entry.kind());
        LOG.warn("byzantine evidence kind={} validator={} round={} blocks={}", entry.kind(), entry.validator(), entry.round(),
                entry.blocks());
    }

    @Override
    public EvidenceLog.Report evidence() {
        return evidence.report();
    }

    @Override
    public void onProgress(RoundProgress progress, QuorumCert highQc, SafetyRecord safety, Block head) {
        Snapshot prev = snapshot.get();
        long commitAt = prev == null ? 0 : prev.lastCommitMillis();
        long latency = prev == null ? -1 : prev.lastCommitLatencyMillis();
        snapshot.set(new Snapshot(progress, highQc, safety, head, commitAt, latency));
        if (progress.round() != lastRound) {
            metrics.onRound(progress.round());
            LOG.debug("round round={} leader={} height={}", progress.round(), progress.leader(), head.height());
            lastRound = progress.round();
        }
    }

    @Override
    public void onHalt(String reason) {
        halted.set(reason);
    }

    @Override
    public void onTimeoutSigned(long round) {
        metrics.onTimeoutSigned();
        LOG.info("round timed out round={} validator={}", round, self);
    }

    @Override
    public void onVoteReceived(int validator) {
        metrics.onVoteFrom(validator);
    }

    @Override
    public void onStorageWrite(long nanos) {
        metrics.recordStorageWrite(Duration.ofNanos(nanos));
    }

    /** Milliseconds from the last committed block's proposal to its commit here; -1 before the first commit. */
    long lastCommitLatencyMillis() {
        Snapshot s = snapshot.get();
        return s == null ? -1 : s.lastCommitLatencyMillis();
    }

    // ---- NodeView ----

    @Override
    public NodeStatus status() {
        Snapshot s = snapshot.get();
        Transport t = transport.get();
        List<NodeStatus.PeerStatus> peers = new ArrayList<>();
        int connected = 0;
        if (t != null) {
            for (var p : t.stats().values()) {
                peers.add(new NodeStatus.PeerStatus(p.validator(), p.connected(), p.bytesIn(), p.bytesOut()));
            }
            connected = t.connectedPeers();
        }
        if (s == null) {
            return new NodeStatus(chainId, self, validators, 0, "", 0, 0, 0, 0, 0, -1, connected, peers, halted.get(),
                    ProcessStats.sample());
        }
        return new NodeStatus(chainId, self, validators, s.head().height(), s.head().id().toHex(), s.progress().round(),
                s.highQc().round(), s.safety().oneChainRound(), s.safety().lastVotedRound(), s.lastCommitMillis(),
                s.lastCommitLatencyMillis(), connected, peers, halted.get(), ProcessStats.sample());
    }

    @Override
    public RoundReport why() {
        Snapshot s = snapshot.get();
        Transport t = transport.get();
        int connected = t == null ? 0 : t.connectedPeers();
        if (s == null) {
            return new RoundReport(0, 0, false, List.of(), List.of(), 0, 0, connected, 0, "starting");
        }
        RoundProgress p = s.progress();
        List<Integer> timeoutsMissing = missing(p.timeoutsFrom());
        List<Integer> votesMissing = p.collectsVotes() ? missing(p.votesFrom()) : List.of();
        long since = s.lastCommitMillis() == 0 ? -1 : System.currentTimeMillis() - s.lastCommitMillis();
        return new RoundReport(p.round(), p.leader(), p.leader() == self, timeoutsMissing, votesMissing, p.committedHeight(),
                since, connected, p.quorum(), summary(p, connected, since));
    }

    private String summary(RoundProgress p, int connected, long since) {
        String h = halted.get();
        if (h != null) {
            return "halted: " + h;
        }
        if (connected + 1 < p.quorum()) {
            return "connected to " + connected + " peers; a quorum needs " + (p.quorum() - 1) + " besides this node";
        }
        if (since >= 0 && since < 5_000) {
            return "committing (last commit " + since + " ms ago)";
        }
        return "round " + p.round() + " led by validator " + p.leader() + "; timeouts seen from " + p.timeoutsFrom()
                + " (a TC needs " + p.quorum() + ")";
    }

    private List<Integer> missing(List<Integer> have) {
        List<Integer> out = new ArrayList<>();
        for (int v = 0; v < validators; v++) {
            if (!have.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Connected to a quorum, not halted, and committed recently or at least started. */
    @Override
    public boolean ready() {
        Transport t = transport.get();
        Snapshot s = snapshot.get();
        return halted.get() == null && t != null && s != null && t.connectedPeers() + 1 >= s.progress().quorum();
    }
}
