package dev.keel.consensus.core;

import java.util.List;

/**
 * Where the current round stands, for operators asking "why no progress": who leads it,
 * whose timeouts this replica has counted, and — when this replica leads the next round and
 * so collects this round's votes — whose votes it has.
 */
public record RoundProgress(long round, int leader, List<Integer> timeoutsFrom, boolean collectsVotes,
                            List<Integer> votesFrom, int quorum, long committedHeight) {
    public RoundProgress {
        timeoutsFrom = List.copyOf(timeoutsFrom);
        votesFrom = List.copyOf(votesFrom);
    }
}
