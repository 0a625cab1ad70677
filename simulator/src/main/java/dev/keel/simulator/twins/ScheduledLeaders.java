package dev.keel.simulator.twins;

import dev.keel.consensus.liveness.LeaderElection;
import dev.keel.consensus.liveness.RoundRobin;
import java.util.List;

/** Leaders fixed by a Twins scenario for its first rounds, round-robin after. */
public record ScheduledLeaders(List<Integer> leaders, RoundRobin after) implements LeaderElection {
    public ScheduledLeaders {
        leaders = List.copyOf(leaders);
    }

    @Override
    public int leader(long round) {
        return round >= 1 && round <= leaders.size() ? leaders.get((int) round - 1) : after.leader(round);
    }
}
