package dev.keel.simulator.scenario;

import dev.keel.simulator.run.SeedResult;
import java.util.List;

/** One simulation seed of a scenario: the verdict and the windows as they were applied. */
public record ScenarioSeed(SeedResult result, List<AppliedWindow> applied) {
    public ScenarioSeed {
        applied = List.copyOf(applied);
    }
}
