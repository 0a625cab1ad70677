package dev.keel.simulator.scenario;

import dev.keel.simulator.run.SimReport;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A batch of simulation seeds of one scenario: the usual report, plus each seed's applied windows. */
public record ScenarioReport(Scenario scenario, SimReport report, Map<Long, List<AppliedWindow>> applied) {
    public ScenarioReport {
        applied = Map.copyOf(applied);
    }

    /** Seeds that ran, in order. */
    public List<Long> seeds() {
        return new TreeMap<>(applied).keySet().stream().toList();
    }

    public List<AppliedWindow> applied(long seed) {
        List<AppliedWindow> a = applied.get(seed);
        if (a == null) {
            throw new IllegalArgumentException("seed " + seed + " did not run");
        }
        return a;
    }
}
