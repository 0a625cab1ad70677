package dev.keel.consensus.core;

import dev.keel.consensus.liveness.LeaderElection;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.ValidatorSet;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Everything fixed about one replica. {@code maxFutureRounds} bounds how far ahead of its
 * round a replica accepts messages (and so its memory under a flood).
 */
public record ReplicaConfig(ChainContext chain, ValidatorSet validators, int self, LeaderElection leaders,
                            Duration baseTimeout, Duration maxTimeout, int maxFutureRounds, int maxBlockTxs,
                            long maxBlockBytes, Set<Sabotage> sabotage) {
    public ReplicaConfig {
        sabotage = sabotage.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sabotage));
        if (!validators.contains(self)) {
            throw new IllegalArgumentException("self index " + self + " not in the validator set");
        }
        if (maxFutureRounds < 1 || maxBlockTxs < 0 || maxBlockBytes < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Signatures that make a certificate: 2f+1, or 2f under the small-quorum sabotage. */
    public int quorum() {
        return validators.quorum() - (sabotage.contains(Sabotage.SMALL_QUORUM) ? 1 : 0);
    }
}
