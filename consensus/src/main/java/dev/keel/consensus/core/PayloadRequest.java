package dev.keel.consensus.core;

import dev.keel.consensus.types.Hash;
import java.util.List;

/**
 * The leader of {@code round} asks the mempool for transactions for a block on top of
 * {@code parentId}. {@code excludedTxs} are the hashes already in the uncommitted blocks
 * between the last commit and that parent, so no transaction is proposed twice on a branch.
 */
public record PayloadRequest(long round, Hash parentId, List<Hash> excludedTxs) {
    public PayloadRequest {
        excludedTxs = List.copyOf(excludedTxs);
    }
}
