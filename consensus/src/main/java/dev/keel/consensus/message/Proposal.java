package dev.keel.consensus.message;

import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SyncInfo;

/** A leader's block for its round, signed by the leader over the block id. */
public record Proposal(Block block, Signature signature, SyncInfo sync) implements Message {
    @Override
    public long round() {
        return block.round();
    }
}
