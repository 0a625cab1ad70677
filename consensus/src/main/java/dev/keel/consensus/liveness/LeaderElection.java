package dev.keel.consensus.liveness;

/** Who proposes in a round. Deterministic: every replica must compute the same leader. */
public interface LeaderElection {
    /** The validator index that leads {@code round}. */
    int leader(long round);
}
