package dev.keel.consensus.types;

import java.util.Optional;

/**
 * What every consensus message carries so a lagging replica catches up at once: the sender's
 * highest QC, the highest QC that proves a commit, and its highest TC if newer than its QC.
 */
public record SyncInfo(QuorumCert highQc, QuorumCert highCommitQc, Optional<TimeoutCert> highTc) {
    public SyncInfo {
        if (highCommitQc.round() > highQc.round()) {
            throw new IllegalArgumentException("commit QC round above highest QC round");
        }
    }

    /** The round this sync info lets its receiver enter. */
    public long nextRound() {
        long r = highQc.round();
        if (highTc.isPresent()) {
            r = Math.max(r, highTc.get().round());
        }
        return r + 1;
    }
}
