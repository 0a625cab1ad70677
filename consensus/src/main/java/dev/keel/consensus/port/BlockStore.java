package dev.keel.consensus.port;

import dev.keel.consensus.core.Commit;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.TimeoutCert;

/** Durable home of blocks, certificates and the committed chain, as the replica produces them. */
public interface BlockStore {
    /** Stores a block accepted into the tree (not yet committed). Idempotent. */
    void saveBlock(Block block);

    /** Stores a QC that became this replica's highest. */
    void saveQc(QuorumCert qc);

    /** Stores a TC that became this replica's highest (recovery re-enters the round after it). */
    void saveTc(TimeoutCert tc);

    /** Marks {@code commit.blocks()} committed, with their height index, in one atomic write. */
    void commit(Commit commit);
}
