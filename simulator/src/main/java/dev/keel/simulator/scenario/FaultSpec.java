package dev.keel.simulator.scenario;

import java.util.Objects;

/**
 * One fault of a scenario, as written: what, for how long (seconds), on whom. Partitions draw
 * their sides from the window's random, so they take no target: theirs is fixed to
 * {@link #defaultTarget} (the leader for isolate-leader, random for the other shapes).
 * Checks that need the validator count (indices in range, a quorum left) are {@link Scenario}'s.
 */
public record FaultSpec(Nemesis nemesis, double duration, Target target) {
    public FaultSpec {
        Objects.requireNonNull(nemesis, "nemesis");
        Objects.requireNonNull(target, "target");
        if (!(duration > 0) || Double.isInfinite(duration)) {
            throw new IllegalArgumentException(":duration must be a positive number of seconds, got " + duration);
        }
        if (nemesis.isPartition() && !target.equals(defaultTarget(nemesis))) {
            throw new IllegalArgumentException(":target is not allowed on " + nemesis.flag()
                    + " (a partition draws its sides from the scenario seed)");
        }
        // A twin is a second process with one validator's key: there is one key to copy, and
        // "the leader" is not known when the twin's process must be started.
        if (nemesis == Nemesis.TWIN && target instanceof Target.Leader) {
            throw new IllegalArgumentException("twin :target must be a validator index or :random, not :leader");
        }
        if (nemesis == Nemesis.TWIN && target instanceof Target.Indices i && i.indices().size() != 1) {
            throw new IllegalArgumentException("twin :target must be one validator index or :random, got "
                    + ScenarioEdn.vector(i.indices()));
        }
    }

    /** A fault with its nemesis's default target. */
    public FaultSpec(Nemesis nemesis, double duration) {
        this(nemesis, duration, defaultTarget(nemesis));
    }

    public static Target defaultTarget(Nemesis nemesis) {
        return nemesis == Nemesis.ISOLATE_LEADER ? Target.LEADER : Target.RANDOM;
    }
}
