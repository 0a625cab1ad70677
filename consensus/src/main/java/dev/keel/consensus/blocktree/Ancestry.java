package dev.keel.consensus.blocktree;

import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.List;

/** Questions about a block's uncommitted ancestors. */
public final class Ancestry {
    private Ancestry() {
    }

    /** Hashes of every transaction in the uncommitted blocks from the head up to {@code tip}. */
    public static List<Hash> txHashesUpTo(BlockTree tree, Hash tip) {
        List<Hash> out = new ArrayList<>();
        for (Block b : tree.pathFromCommitted(tip)) {
            out.addAll(b.payload().txHashes());
        }
        return out;
    }
}
