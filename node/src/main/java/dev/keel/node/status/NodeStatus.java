package dev.keel.node.status;

import java.util.List;

/**
 * A node's state at one moment, as /status shows it.
 *
 * @param lockedRound the one-chain round of the safety record (the 2-chain lock)
 * @param lastCommitEpochMillis wall-clock time of the last commit, 0 if none since start
 * @param lastCommitLatencyMillis from the last committed block's proposal timestamp to its commit here, -1 if none
 * @param halted non-null when the node stopped voting (e.g. disk full), with the reason
 */
public record NodeStatus(String chainId, int validator, int validators, long height, String headId, long round,
                         long highQcRound, long lockedRound, long lastVotedRound, long lastCommitEpochMillis,
                         long lastCommitLatencyMillis, int peersConnected, List<PeerStatus> peers, String halted) {
    public NodeStatus {
        peers = List.copyOf(peers);
    }

    /** One peer link. */
    public record PeerStatus(int validator, boolean connected, long bytesIn, long bytesOut) {
    }
}
