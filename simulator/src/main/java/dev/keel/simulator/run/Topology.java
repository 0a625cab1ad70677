package dev.keel.simulator.run;

import dev.keel.consensus.liveness.LeaderElection;
import dev.keel.simulator.node.Behavior;
import dev.keel.simulator.twins.TwinsScenario;
import java.util.List;

/**
 * Who runs in a simulation: one entry per node (twins are two nodes with one validator
 * index), how leaders are chosen, and the Twins scenario driving the first rounds, if any
 * ({@code null} for none).
 */
public record Topology(int validators, List<NodeSpec> nodes, LeaderElection leaders, TwinsScenario twins) {
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
