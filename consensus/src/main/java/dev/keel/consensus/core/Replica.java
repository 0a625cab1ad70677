package dev.keel.consensus.core;

import dev.keel.consensus.blocktree.Ancestry;
import dev.keel.consensus.blocktree.BlockTree;
import dev.keel.consensus.blocktree.InsertResult;
import dev.keel.consensus.codec.Canonical;
import dev.keel.consensus.crypto.Domain;
import dev.keel.consensus.crypto.Signer;
import dev.keel.consensus.liveness.Pacemaker;
import dev.keel.consensus.message.BlockRequest;
import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.message.TimeoutMsg;
import dev.keel.consensus.message.VoteMsg;
import dev.keel.consensus.safety.SafetyRules;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.SyncInfo;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.consensus.types.Vote;
import dev.keel.consensus.verify.ReplicaView;
import dev.keel.consensus.verify.Rejection;
import dev.keel.consensus.votes.TimeoutCollector;
import dev.keel.consensus.votes.VoteCollector;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One validator's protocol state: {@code step(event) -> actions}, no I/O, no clock, no
 * threads, no randomness. It composes the rule components — {@link SafetyRules},
 * {@link Pacemaker}, {@link BlockTree}, the collectors — and decides what to do with each
 * verified event. The caller applies the returned {@link Actions} with {@link Driver}.
 */
public final class Replica {
    private final ReplicaConfig cfg;
    private final Signer signer;
    private final SafetyRules safety;
    private final Pacemaker pacemaker;
    private final BlockTree tree;
    private final VoteCollector votes;
    private final TimeoutCollector timeouts;
    private final BlockSync sync = new BlockSync();
    private QuorumCert highQc;
    private QuorumCert highCommitQc;
    private Optional<TimeoutCert> highTc = Optional.empty();
    private long proposedRound;
    private final Set<Integer> unreachable = new TreeSet<>();
    private int fetchRotation;
    private Actions.Builder out = new Actions.Builder();

    public Replica(ReplicaConfig cfg, Signer signer, RecoveredState state) {
        this.cfg = cfg;
        this.signer = signer;
        this.safety = new SafetyRules(signer, cfg.self(), state.safety(), cfg.sabotage().contains(Sabotage.SKIP_LOCK_CHECK));
        this.pacemaker = new Pacemaker(cfg.baseTimeout(), cfg.maxTimeout());
        this.tree = new BlockTree(state.committedHead());
        this.votes = new VoteCollector(cfg.validators().size(), cfg.quorum());
        this.timeouts = new TimeoutCollector(cfg.validators().size(), cfg.quorum(), cfg.validators().honestWitness());
        this.highQc = state.highQc();
        this.highCommitQc = state.highCommitQc();
        this.highTc = state.highTc();
        pacemaker.onCommit(state.committedHead().round());
        state.pending().stream().sorted(Comparator.comparingLong(Block::height)).forEach(tree::insert);
        for (Block b : state.pending()) {
            if (tree.contains(b.id()) && b.qc().round() > highQc.round()) {
                highQc = b.qc();
            }
        }
    }

    /** Handles one event; the result must be applied in order (see {@link Actions}). */
    public Actions step(Event event) {
        out = new Actions.Builder();
        if (event instanceof Event.Start) {
            tryCommit(anyPeer());
            advanceRound();
        } else if (event instanceof Event.ProposalReceived e) {
            onProposal(e.proposal());
        } else if (event instanceof Event.VoteReceived e) {
            onVote(e.vote());
        } else if (event instanceof Event.TimeoutReceived e) {
            onTimeout(e.timeout());
        } else if (event instanceof Event.SyncReceived e) {
            processSync(e.sync(), e.from());
            advanceRound();
        } else if (event instanceof Event.TimerFired e) {
            onTimer(e.round());
        } else if (event instanceof Event.PayloadReady e) {
            onPayloadReady(e);
        } else if (event instanceof Event.BlocksFetched e) {
            onBlocksFetched(e);
        } else if (event instanceof Event.PeerReachability e) {
            onReachability(e);
        } else {
            throw new AssertionError("unhandled event " + event.getClass());
        }
        return out.build();
    }

    // ---- views ----

    public long round() {
        return pacemaker.round();
    }

    public ReplicaView view() {
        return new ReplicaView(pacemaker.round(), highQc.round(), highCommitQc.round(),
                highTc.map(TimeoutCert::round).orElse(0L), tree.committedHead().height());
    }

    public Block committedHead() {
        return tree.committedHead();
    }

    public QuorumCert highQc() {
        return highQc;
    }

    public SafetyRules safetyRules() {
        return safety;
    }

    public RoundProgress progress() {
        long r = pacemaker.round();
        boolean collects = cfg.leaders().leader(r + 1) == cfg.self();
        return new RoundProgress(r, cfg.leaders().leader(r), timeouts.authors(r), collects,
                collects ? votes.authors(r) : List.of(), cfg.quorum(), tree.committedHead().height());
    }

    public SyncInfo syncInfo() {
        return new SyncInfo(highQc, highCommitQc, highTc.filter(tc -> tc.round() >= highQc.round()));
    }

    // ---- rounds ----

    private void advanceRound() {
        long next = Math.max(highQc.round(), highTc.map(TimeoutCert::round).orElse(0L)) + 1;
        if (!pacemaker.advanceTo(next)) {
            return;
        }
        long r = pacemaker.round();
        votes.pruneBelow(r);
        timeouts.pruneBelow(r);
        sync.dropWaitingBelow(r);
        out.timer(new TimerRequest(r, roundTimeout(r)));
        maybePropose();
    }

    /**
     * The pacemaker's timeout, or a short one if this round cannot succeed: its leader is
     * unreachable, or the next round's leader is — the one who collects this round's votes.
     */
    private Duration roundTimeout(long round) {
        Duration full = pacemaker.timeout();
        if (!unreachable.contains(cfg.leaders().leader(round)) && !unreachable.contains(cfg.leaders().leader(round + 1))) {
            return full;
        }
        Duration fast = cfg.baseTimeout().dividedBy(5);
        return fast.compareTo(full) < 0 ? fast : full;
    }

    private void onReachability(Event.PeerReachability e) {
        boolean changed = e.reachable() ? unreachable.remove(e.validator()) : unreachable.add(e.validator());
        long r = pacemaker.round();
        boolean affectsThisRound = cfg.leaders().leader(r) == e.validator() || cfg.leaders().leader(r + 1) == e.validator();
        if (changed && !e.reachable() && affectsThisRound && r > 0) {
            out.timer(new TimerRequest(r, roundTimeout(r))); // this round's leader or vote collector just went away
        }
    }

    private void onTimer(long round) {
        if (round != pacemaker.round()) {
            return; // a timer of a round already left
        }
        localTimeout();
        sync.forgetOutstanding(); // a fetch may have been lost or refused: ask again, elsewhere
        refetchMissing();
        if (pacemaker.round() == round) {
            // Re-arm to re-send the timeout. Only if still in this round: our own timeout may
            // have completed a TC, and the new round's timer must not be replaced by this one.
            out.timer(new TimerRequest(round, pacemaker.timeout()));
        }
    }

    private void localTimeout() {
        long r = pacemaker.round();
        var d = safety.timeout(r, highQc, tcFor(r));
        if (d instanceof SafetyRules.Signed<Timeout> s) {
            out.safety(safety.record());
            out.send(new Recipient.All(), new TimeoutMsg(s.value(), syncInfo()));
            collectTimeout(s.value());
        } else if (d instanceof SafetyRules.Repeated<Timeout> s) {
            out.send(new Recipient.All(), new TimeoutMsg(s.value(), syncInfo()));
        } else {
            out.reject(Rejection.UNSAFE);
        }
    }

    /** The TC that justifies entering {@code round}, if this replica entered it by timeout. */
    private Optional<TimeoutCert> tcFor(long round) {
        return highTc.filter(tc -> tc.round() == round - 1);
    }

    // ---- proposing ----

    private void maybePropose() {
        long r = pacemaker.round();
        if (cfg.leaders().leader(r) != cfg.self() || proposedRound >= r
                || safety.record().lastVotedRound() >= r) { // never two proposals in a round, even after a restart
            return;
        }
        Optional<Block> parent = tree.get(highQc.blockId());
        if (parent.isEmpty()) {
            fetch(highQc.blockId(), 1, anyPeer());
            return;
        }
        proposedRound = r;
        Block p = parent.get();
        boolean urgent = !p.payload().txs().isEmpty()
                || tree.get(p.parentId()).map(gp -> !gp.payload().txs().isEmpty()).orElse(false);
        out.payload(new PayloadRequest(r, p.id(), Ancestry.txHashesUpTo(tree, p.id()), urgent));
    }

    private void onPayloadReady(Event.PayloadReady e) {
        long r = pacemaker.round();
        Optional<Block> parent = tree.get(highQc.blockId());
        if (e.round() != r || cfg.leaders().leader(r) != cfg.self() || parent.isEmpty()
                || safety.record().lastVotedRound() >= r) {
            return; // the round moved on while the mempool answered
        }
        var header = new BlockHeader(cfg.chain().epoch(), r, parent.get().height() + 1, parent.get().id(), highQc,
                cfg.self(), e.timestampMillis(), e.payload().hash(), Hash.ZERO);
        Block block = Block.of(header, e.payload());
        var proposal = new Proposal(block, signer.sign(Domain.PROPOSAL, Canonical.proposalBody(block.id())), syncInfo());
        out.send(new Recipient.All(), proposal);
        insertAndVote(proposal);
    }

    // ---- voting ----

    private void onProposal(Proposal p) {
        int author = p.block().author();
        processSync(p.sync(), author);
        processQc(p.block().qc(), author);
        advanceRound();
        long r = pacemaker.round();
        if (p.round() != r) {
            out.reject(p.round() < r ? Rejection.STALE_ROUND : Rejection.FUTURE_ROUND);
            return;
        }
        if (cfg.leaders().leader(r) != author) {
            out.reject(Rejection.NOT_LEADER);
            return;
        }
        insertAndVote(p);
    }

    private void insertAndVote(Proposal p) {
        Block b = p.block();
        InsertResult res = tree.insert(b);
        if (res == InsertResult.MISSING_PARENT) {
            if (!sync.park(p)) {
                out.reject(Rejection.OVERLOADED);
            }
            fetch(b.parentId(), fetchCount(b.height() - 1), b.author());
            return;
        }
        if (res == InsertResult.BELOW_COMMITTED) {
            out.reject(Rejection.INVALID_BLOCK);
            return;
        }
        if (res == InsertResult.INSERTED) {
            out.saveBlock(b);
        }
        if (b.round() != pacemaker.round()) {
            return;
        }
        var d = safety.vote(b, tcFor(b.round()));
        if (d instanceof SafetyRules.Signed<Vote> s) {
            out.safety(safety.record());
            sendVote(s.value());
        } else if (d instanceof SafetyRules.Repeated<Vote> s) {
            sendVote(s.value());
        } else {
            out.reject(Rejection.UNSAFE);
        }
    }

    private void sendVote(Vote v) {
        int next = cfg.leaders().leader(v.round() + 1);
        if (next == cfg.self()) {
            collectVote(v);
        } else {
            out.send(new Recipient.To(next), new VoteMsg(v, syncInfo()));
        }
    }

    private void onVote(VoteMsg m) {
        processSync(m.sync(), m.vote().author());
        advanceRound();
        if (cfg.leaders().leader(m.vote().round() + 1) != cfg.self()) {
            out.reject(Rejection.MISDIRECTED);
            return;
        }
        collectVote(m.vote());
    }

    private void collectVote(Vote v) {
        if (v.round() < pacemaker.round()) {
            out.reject(Rejection.STALE_ROUND);
            return;
        }
        var res = votes.add(v);
        if (res instanceof VoteCollector.Formed f) {
            processQc(f.qc(), cfg.self());
            advanceRound();
        } else if (res instanceof VoteCollector.Equivocation e) {
            out.reject(Rejection.EQUIVOCATION);
            out.evidence(new Evidence.ConflictingVotes(e.first(), e.second()));
        } else if (res instanceof VoteCollector.Duplicate) {
            out.reject(Rejection.DUPLICATE);
        }
    }

    private void onTimeout(TimeoutMsg m) {
        Timeout t = m.timeout();
        processSync(m.sync(), t.author());
        processQc(t.highQc(), t.author());
        advanceRound();
        if (t.round() < pacemaker.round()) {
            out.reject(Rejection.STALE_ROUND);
            return;
        }
        collectTimeout(t);
    }

    private void collectTimeout(Timeout t) {
        var res = timeouts.add(t);
        if (res instanceof TimeoutCollector.Formed f) {
            processTc(f.tc(), cfg.self());
            advanceRound();
        } else if (res instanceof TimeoutCollector.JoinRound j && j.round() == pacemaker.round()
                && safety.record().lastTimeout().map(x -> x.round() != j.round()).orElse(true)) {
            localTimeout();
        } else if (res instanceof TimeoutCollector.Duplicate) {
            out.reject(Rejection.DUPLICATE);
        }
    }

    // ---- certificates and commits ----

    private void processSync(SyncInfo s, int from) {
        processQc(s.highCommitQc(), from);
        processQc(s.highQc(), from);
        s.highTc().ifPresent(tc -> processTc(tc, from));
    }

    private void processTc(TimeoutCert tc, int from) {
        if (tc.round() > highTc.map(TimeoutCert::round).orElse(0L)) {
            highTc = Optional.of(tc);
            out.saveTc(tc);
        }
        processQc(tc.highQc(), from);
    }

    private void processQc(QuorumCert qc, int from) {
        if (qc.round() > highQc.round()) {
            highQc = qc;
            out.saveQc(qc);
            if (!tree.contains(qc.blockId()) && qc.data().height() > tree.committedHead().height()) {
                fetch(qc.blockId(), fetchCount(qc.data().height()), from);
            }
        }
        if (qc.data().commitsParent() && qc.round() > highCommitQc.round()) {
            highCommitQc = qc;
        }
        tryCommit(from);
    }

    /** Applies the 2-chain commit rule to the highest commit QC, fetching what is missing. */
    private void tryCommit(int from) {
        VoteDataView target = new VoteDataView(highCommitQc.data().parentId(), highCommitQc.data().height() - 1);
        if (!highCommitQc.data().commitsParent() || target.height() <= tree.committedHead().height()) {
            return;
        }
        if (!tree.contains(target.id())) {
            fetch(target.id(), fetchCount(target.height()), from);
            return;
        }
        List<Block> blocks = tree.commit(target.id());
        if (blocks.isEmpty()) {
            throw new AssertionError("block " + target.id() + " is in the tree but not above the committed head");
        }
        out.commit(new Commit(blocks, highCommitQc));
        pacemaker.onCommit(blocks.get(blocks.size() - 1).round());
    }

    private record VoteDataView(Hash id, long height) {
    }

    // ---- fetching missing blocks ----

    private int fetchCount(long height) {
        return (int) Math.max(1, Math.min(BlockRequest.MAX_COUNT, height - tree.committedHead().height()));
    }

    private void fetch(Hash id, int count, int peer) {
        if (peer == cfg.self()) {
            peer = anyPeer();
        }
        if (peer != cfg.self() && sync.start(id)) {
            out.send(new Recipient.To(peer), new BlockRequest(id, count, tree.committedHead().height()));
        }
    }

    private int anyPeer() {
        int n = cfg.validators().size();
        fetchRotation = (fetchRotation + 1) % n;
        return fetchRotation == cfg.self() && n > 1 ? (fetchRotation + 1) % n : fetchRotation;
    }

    private void refetchMissing() {
        tryCommit(anyPeer());
        if (!tree.contains(highQc.blockId()) && highQc.data().height() > tree.committedHead().height()) {
            fetch(highQc.blockId(), fetchCount(highQc.data().height()), anyPeer());
        }
        for (Hash parent : sync.waitingParents()) {
            if (!tree.contains(parent)) {
                fetch(parent, 1, anyPeer());
            }
        }
    }

    private void onBlocksFetched(Event.BlocksFetched e) {
        var resp = e.response();
        if (!sync.finish(resp.requestedId())) {
            out.reject(Rejection.UNSOLICITED);
            return;
        }
        var blocks = resp.blocks();
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Block b = blocks.get(i);
            InsertResult res = tree.insert(b);
            if (res == InsertResult.INSERTED) {
                out.saveBlock(b);
                processQc(b.qc(), e.from());
            } else if (res == InsertResult.MISSING_PARENT) {
                sync.keepOrphans(blocks.subList(0, i + 1));
                fetch(b.parentId(), fetchCount(b.height() - 1), e.from());
                break;
            }
        }
        for (Block b : sync.takeConnectable(tree::contains)) {
            if (tree.insert(b) == InsertResult.INSERTED) {
                out.saveBlock(b);
                processQc(b.qc(), e.from());
            }
        }
        tryCommit(e.from());
        sync.dropOrphansAtOrBelow(tree.committedHead().height());
        for (Proposal p : sync.takeRunnable(tree::contains)) {
            if (p.round() == pacemaker.round()) {
                insertAndVote(p);
            }
        }
        maybePropose();
    }
}
