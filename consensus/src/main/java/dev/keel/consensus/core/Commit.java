package dev.keel.consensus.core;

import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.QuorumCert;
import java.util.List;

/**
 * Blocks that became final, oldest first, each the parent of the next; {@code proof} is the
 * QC whose block directly follows the last one in a consecutive round (2-chain commit rule).
 */
public record Commit(List<Block> blocks, QuorumCert proof) {
    public Commit {
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("empty commit");
        }
        for (int i = 1; i < blocks.size(); i++) {
            if (!blocks.get(i).parentId().equals(blocks.get(i - 1).id())) {
                throw new IllegalArgumentException("committed blocks are not a chain");
            }
        }
        if (!proof.data().parentId().equals(blocks.get(blocks.size() - 1).id()) || !proof.data().commitsParent()) {
            throw new IllegalArgumentException("proof does not commit the last block");
        }
    }

    public Block last() {
        return blocks.get(blocks.size() - 1);
    }
}
