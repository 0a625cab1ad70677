package dev.keel.simulator.byzantine;

import dev.keel.consensus.core.Outbound;
import dev.keel.consensus.core.Recipient;
import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.message.VoteMsg;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.VoteData;
import dev.keel.simulator.node.Behavior;
import dev.keel.simulator.node.SimNode;

/**
 * An equivocating leader: as leader it sends one block to half the validators and a
 * conflicting one (same round and parent, different payload) to the other half; as a
 * voter it also signs a second, conflicting vote in every round.
 */
public final class Equivocator implements Behavior {
    @Override
    public String name() {
        return "equivocator";
    }

    @Override
    public boolean honest() {
        return false;
    }

    @Override
    public void onOutbound(SimNode node, Outbound out) {
        if (out.message() instanceof Proposal p && out.to() instanceof Recipient.All) {
            Block a = p.block();
            BlockHeader h = a.header();
            BlockHeader h2 = new BlockHeader(h.epoch(), h.round(), h.height(), h.parentId(), h.qc(), h.author(),
                    h.timestampMillis() + 1, Payload.EMPTY.hash(), h.stateRoot());
            Proposal other = Adversary.propose(node, Block.of(h2, Payload.EMPTY), p.sync());
            int n = node.config().validators().size();
            for (int v = 0; v < n; v++) {
                if (v != node.validator()) {
                    Adversary.sendTo(node, v, v % 2 == 0 ? p : other);
                }
            }
            return;
        }
        node.world().send(node, out.to(), out.message());
        if (out.message() instanceof VoteMsg vm && out.to() instanceof Recipient.To to) {
            VoteData d = vm.vote().data();
            VoteData fake = new VoteData(dev.keel.consensus.types.Hash.of(d.blockId().bytes().toArray()),
                    d.round(), d.height(), d.parentId(), d.parentRound());
            Adversary.sendTo(node, to.validator(), new VoteMsg(Adversary.vote(node, fake), vm.sync()));
        }
    }
}
