package dev.keel.simulator.scenario;

import java.util.HashSet;
import java.util.List;

/**
 * Which validators a kill, pause or twin acts on. Resolved to indices only when the window
 * opens ({@link FaultWindow#resolveTargets}), because the leader is whoever leads then.
 */
public sealed interface Target permits Target.Leader, Target.Random, Target.Indices {
    /** The validator leading when the window opens. */
    record Leader() implements Target {
    }

    /** One validator drawn from the window's seeded random ({@link Cut#randomFor}). */
    record Random() implements Target {
    }

    /** These validators (0-based indices), distinct, at least one. */
    record Indices(List<Integer> indices) implements Target {
        public Indices {
            indices = List.copyOf(indices);
            if (indices.isEmpty()) {
                throw new IllegalArgumentException("target indices must name at least one validator");
            }
            if (new HashSet<>(indices).size() != indices.size()) {
                throw new IllegalArgumentException("target indices must be distinct, got " + indices);
            }
            if (indices.stream().anyMatch(i -> i < 0)) {
                throw new IllegalArgumentException("target indices must be 0 or more, got " + indices);
            }
        }
    }

    Target LEADER = new Leader();
    Target RANDOM = new Random();
}
