package dev.keel.node.status;

import java.util.List;

/**
 * Why the chain is not moving, for the current round: who leads it, which validators'
 * timeouts this node has not seen, which votes the next leader (if that is this node) is
 * missing, and how long since the last commit.
 */
public record RoundReport(long round, int leader, boolean leaderIsSelf, List<Integer> timeoutsMissing,
                          List<Integer> votesMissing, long lastCommitHeight, long millisSinceLastCommit,
                          int peersConnected, int quorum, String summary) {
    public RoundReport {
        timeoutsMissing = List.copyOf(timeoutsMissing);
        votesMissing = List.copyOf(votesMissing);
    }
}
