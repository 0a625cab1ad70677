package dev.keel.consensus.core;

import dev.keel.consensus.types.Hash;
import java.util.List;

/**
 * The leader of {@code round} asks the mempool for transactions for a block on top of
 * {@code parentId}. {@code excludedTxs} are the hashes already in the uncommitted blocks
 * between the last commit and that parent, so no transaction is proposed twice on a branch.
 *
 * <p>{@code urgent}: the parent or grandparent carries transactions. Those commit only once two
 * more blocks are certified, so this block is needed even if empty; otherwise a mempool with
 * nothing to propose may hold the request a while (an idle chain need not make empty blocks at
 * full speed), as long as it answers well within the round timeout.
 */
public record PayloadRequest(long round, Hash parentId, List<Hash> excludedTxs, boolean urgent) {
    public PayloadRequest {
        excludedTxs = List.copyOf(excludedTxs);
    }
}
