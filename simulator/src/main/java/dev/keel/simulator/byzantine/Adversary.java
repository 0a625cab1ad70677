package dev.keel.simulator.byzantine;

import dev.keel.consensus.codec.Canonical;
import dev.keel.consensus.core.Recipient;
import dev.keel.consensus.crypto.Domain;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.Vote;
import dev.keel.consensus.types.VoteData;
import dev.keel.simulator.node.SimNode;

/** Signing and sending helpers the byzantine behaviors share: they hold their validator's real key. */
final class Adversary {
    private Adversary() {
    }

    static Vote vote(SimNode node, VoteData data) {
        return new Vote(data, node.validator(), node.signer().sign(Domain.VOTE, Canonical.encode(data)));
    }

    static Proposal propose(SimNode node, Block block, dev.keel.consensus.types.SyncInfo sync) {
        return new Proposal(block, node.signer().sign(Domain.PROPOSAL, Canonical.proposalBody(block.id())), sync);
    }

    static void sendTo(SimNode node, int validator, Message m) {
        node.world().send(node, new Recipient.To(validator), m);
    }

    static void sendAll(SimNode node, Message m) {
        node.world().send(node, new Recipient.All(), m);
    }

    /** The same signature with one bit flipped: fails verification, same shape. */
    static Signature corrupt(Signature s) {
        byte[] b = s.bytes().toArray();
        b[7] ^= 0x10;
        return new Signature(Bytes.wrap(b));
    }
}
