package dev.keel.simulator.run;

import dev.keel.consensus.liveness.LeaderElection;
import dev.keel.simulator.node.Behavior;
import java.util.List;

/**
 * Who runs in a simulation: one entry per node (twins are two nodes with one validator
 * index), and how leaders are chosen.
 */
public record Topology(int validators, List<NodeSpec> nodes, LeaderElection leaders) {
    public record NodeSpec(int validator, Behavior behavior) {
    }

    public Topology {
        nodes = List.copyOf(nodes);
    }

    public String byzantineSummary() {
        StringBuilder sb = new StringBuilder();
        for (NodeSpec s : nodes) {
            if (!s.behavior().honest()) {
                sb.append(sb.length() == 0 ? "" : ",").append(s.validator()).append(':').append(s.behavior().name());
            }
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
