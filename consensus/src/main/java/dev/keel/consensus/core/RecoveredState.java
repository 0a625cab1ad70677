package dev.keel.consensus.core;

import dev.keel.consensus.safety.SafetyRecord;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.TimeoutCert;
import java.util.List;
import java.util.Optional;

/**
 * What storage hands back to rebuild a replica after a restart: exactly what earlier
 * {@link Actions} persisted. {@code pending} may be in any order and may hold blocks that
 * no longer extend the committed head; the replica keeps only those that do.
 */
public record RecoveredState(SafetyRecord safety, Block committedHead, QuorumCert highCommitQc,
                             List<Block> pending, QuorumCert highQc, Optional<TimeoutCert> highTc) {
    public RecoveredState {
        pending = List.copyOf(pending);
    }

    public static RecoveredState genesis(Block genesis, QuorumCert genesisQc) {
        return new RecoveredState(SafetyRecord.INITIAL, genesis, genesisQc, List.of(), genesisQc, Optional.empty());
    }
}
