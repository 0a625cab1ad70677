package dev.keel.simulator.byzantine;

import dev.keel.consensus.codec.Canonical;
import dev.keel.consensus.core.Outbound;
import dev.keel.consensus.core.Recipient;
import dev.keel.consensus.crypto.Domain;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.message.TimeoutMsg;
import dev.keel.consensus.message.VoteMsg;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.SyncInfo;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.simulator.node.Behavior;
import dev.keel.simulator.node.SimNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The attack the 2-chain lock exists to stop. As leader of round r, holding QC(C) for round
 * r-1 (which commits C's parent B), it shows its proposal — and so the commit of B — to one
 * victim only, and withholds it from everyone else. It then joins their timeout of round r-1
 * (lying that its highest QC is QC(B)) and, once it can assemble that TC, proposes a block F
 * that forks B away: F extends B's parent. The vote rule refuses F (its QC is below the TC's
 * highest QC); a replica that skips that check votes for F, and the chain forks below a
 * commit. It votes for F and every block built on F. Honest replicas must stay safe.
 *
 * <p>Before GST the network is the adversary's to schedule (partial synchrony), so it also
 * silences the victim for a while: otherwise the victim's next message would carry QC(C) to
 * the others, who would commit B too. The victim is the leader of round r+3, so rounds r+1
 * and r+2, which certify F's branch, are led by others.
 */
public final class ForkAttack implements Behavior {
    private static final long SILENCE_MICROS = 4_000_000;
    private Attack attack;
    private final Set<Hash> forkBranch = new HashSet<>();

    private static final class Attack {
        long round;
        int victim;
        Block fork;
        Timeout ownTimeout;
        final TreeMap<Integer, Timeout> timeouts = new TreeMap<>();
        boolean launched;
    }

    @Override
    public String name() {
        return "fork-attack";
    }

    @Override
    public boolean honest() {
        return false;
    }

    @Override
    public void onOutbound(SimNode node, Outbound out) {
        if (out.message() instanceof Proposal p && out.to() instanceof Recipient.All && prepare(node, p)) {
            Adversary.sendTo(node, attack.victim, p);
            node.world().silence(attack.victim, SILENCE_MICROS);
            QuorumCert qcB = attack.ownTimeout.highQc();
            var msg = new TimeoutMsg(attack.ownTimeout, new SyncInfo(qcB, genesisQc(node), Optional.empty()));
            for (int v : others(node, attack.victim)) {
                Adversary.sendTo(node, v, msg);
            }
            return;
        }
        if (out.message() instanceof VoteMsg vm && attack != null && vm.vote().round() == attack.round) {
            return; // do not help the withheld proposal get certified
        }
        node.world().send(node, out.to(), out.message());
    }

    @Override
    public void onInbound(SimNode node, Message m, int from) {
        if (m instanceof TimeoutMsg t && attack != null && !attack.launched && t.timeout().round() == attack.round - 1
                && from != attack.victim && t.timeout().author() == from) {
            attack.timeouts.put(from, t.timeout());
            if (attack.timeouts.size() + 1 >= node.config().quorum()) {
                launch(node);
            }
        }
        if (m instanceof Proposal p && forkBranch.contains(p.block().parentId())) {
            forkBranch.add(p.block().id());
            voteFor(node, p.block());
        }
    }

    /** Sets up an attack on this proposal if it would reveal a commit; false to propose normally. */
    private boolean prepare(SimNode node, Proposal p) {
        QuorumCert qcC = p.block().qc();
        var store = node.store();
        if (!qcC.data().commitsParent() || attack != null && attack.round >= p.round() - 8) {
            return false;
        }
        Optional<Block> c = store.blockByHash(qcC.blockId());
        Optional<Block> b = store.blockByHash(qcC.data().parentId());
        if (c.isEmpty() || b.isEmpty() || b.get().height() == 0) {
            return false;
        }
        var leaders = node.config().leaders();
        int victim = leaders.leader(p.round() + 3);
        if (victim == node.validator() || victim == leaders.leader(p.round() + 1) || victim == leaders.leader(p.round() + 2)) {
            return false;
        }
        Block bb = b.get();
        var h = new BlockHeader(bb.header().epoch(), p.round(), bb.height(), bb.parentId(), bb.qc(), node.validator(),
                p.block().header().timestampMillis(), p.block().payload().hash(), Hash.ZERO);
        QuorumCert qcB = c.get().qc();
        attack = new Attack();
        attack.round = p.round();
        attack.victim = victim;
        attack.fork = Block.of(h, p.block().payload());
        attack.ownTimeout = new Timeout(p.round() - 1, node.validator(), qcB,
                node.signer().sign(Domain.TIMEOUT, Canonical.timeoutBody(p.round() - 1, qcB.round())));
        return true;
    }

    private void launch(SimNode node) {
        attack.launched = true;
        TreeMap<Integer, Timeout> all = new TreeMap<>(attack.timeouts);
        all.put(node.validator(), attack.ownTimeout);
        List<Long> rounds = new ArrayList<>();
        List<Signature> sigs = new ArrayList<>();
        QuorumCert high = null;
        for (Timeout t : all.values()) {
            rounds.add(t.highQc().round());
            sigs.add(t.signature());
            if (high == null || t.highQc().round() > high.round()) {
                high = t.highQc();
            }
        }
        int n = node.config().validators().size();
        var tc = new TimeoutCert(attack.round - 1, SignerBitmap.of(n, all.keySet()), rounds, sigs, high);
        var proposal = Adversary.propose(node, attack.fork, new SyncInfo(high, genesisQc(node), Optional.of(tc)));
        for (int v : others(node, attack.victim)) {
            Adversary.sendTo(node, v, proposal);
        }
        forkBranch.add(attack.fork.id());
        voteFor(node, attack.fork);
    }

    private void voteFor(SimNode node, Block block) {
        int next = node.config().leaders().leader(block.round() + 1);
        var vote = Adversary.vote(node, block.voteData());
        var sync = new SyncInfo(block.qc(), genesisQc(node), Optional.empty());
        if (next != node.validator()) {
            Adversary.sendTo(node, next, new VoteMsg(vote, sync));
        }
    }

    private static QuorumCert genesisQc(SimNode node) {
        return QuorumCert.genesis(node.store().genesis().id(), node.config().validators().size());
    }

    private static List<Integer> others(SimNode node, int except) {
        List<Integer> out = new ArrayList<>();
        for (int v = 0; v < node.config().validators().size(); v++) {
            if (v != node.validator() && v != except) {
                out.add(v);
            }
        }
        return out;
    }
}
