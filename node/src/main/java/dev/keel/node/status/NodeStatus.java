package dev.keel.node.status;

import java.util.List;

/**
 * A node's state at one moment, as /status shows it.
 *
 * @param lockedRound the one-chain round of the safety record (the 2-chain lock)
 * @param lastCommitEpochMillis wall-clock time of the last commit, 0 if none since start
 * @param lastCommitLatencyMillis from the last committed block's proposal timestamp to its commit here, -1 if none
 * @param halted non-null when the node stopped voting (e.g. disk full), with the reason
 * @param process this validator process's CPU, memory and threads (what {@code keel bench} samples)
 * @param checkpoints checkpoint and L1 anchoring state ({@link CheckpointStatus#DISABLED} when the
 *                    producer knows nothing of checkpoints; the HTTP API fills it in from the checkpoint view)
 */
public record NodeStatus(String chainId, int validator, int validators, long height, String headId, long round,
                         long highQcRound, long lockedRound, long lastVotedRound, long lastCommitEpochMillis,
                         long lastCommitLatencyMillis, int peersConnected, List<PeerStatus> peers, String halted,
                         ProcessStats process, CheckpointStatus checkpoints) {
    public NodeStatus {
        peers = List.copyOf(peers);
        java.util.Objects.requireNonNull(process, "process");
        java.util.Objects.requireNonNull(checkpoints, "checkpoints");
    }

    /** Without checkpoint figures: what the consensus side knows (the runtime's view of itself). */
    public NodeStatus(String chainId, int validator, int validators, long height, String headId, long round,
                      long highQcRound, long lockedRound, long lastVotedRound, long lastCommitEpochMillis,
                      long lastCommitLatencyMillis, int peersConnected, List<PeerStatus> peers, String halted,
                      ProcessStats process) {
        this(chainId, validator, validators, height, headId, round, highQcRound, lockedRound, lastVotedRound,
                lastCommitEpochMillis, lastCommitLatencyMillis, peersConnected, peers, halted, process,
                CheckpointStatus.DISABLED);
    }

    /** Without process figures ({@link ProcessStats#UNKNOWN}): for views that have no process of their own (test fakes). */
    public NodeStatus(String chainId, int validator, int validators, long height, String headId, long round,
                      long highQcRound, long lockedRound, long lastVotedRound, long lastCommitEpochMillis,
                      long lastCommitLatencyMillis, int peersConnected, List<PeerStatus> peers, String halted) {
        this(chainId, validator, validators, height, headId, round, highQcRound, lockedRound, lastVotedRound,
                lastCommitEpochMillis, lastCommitLatencyMillis, peersConnected, peers, halted, ProcessStats.UNKNOWN);
    }

    /** This snapshot with {@code checkpoints} in place of whatever it had. */
    public NodeStatus withCheckpoints(CheckpointStatus checkpoints) {
        return new NodeStatus(chainId, validator, validators, height, headId, round, highQcRound, lockedRound,
                lastVotedRound, lastCommitEpochMillis, lastCommitLatencyMillis, peersConnected, peers, halted, process,
                checkpoints);
    }

    /** One peer link. */
    public record PeerStatus(int validator, boolean connected, long bytesIn, long bytesOut) {
    }
}
