package dev.keel.simulator.scenario;

import dev.keel.consensus.core.Sabotage;
import dev.keel.simulator.SimOptions;
import dev.keel.simulator.run.SimReport;
import dev.keel.simulator.run.SimulationRunner;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/** Runs a scenario for one or many simulation seeds (in parallel, as {@link SimulationRunner} does). */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    /**
     * The simulation options a scenario implies: its validators, no random fault families, the
     * fault phase up to the last heal, and {@code :final} as the liveness bound — every honest
     * replica must commit again before the final reads. {@code byzantine} counts twinned validators.
     */
    public static SimOptions options(Scenario s, Set<Sabotage> sabotage, String crypto, boolean trace) {
        int twinned = new HashSet<>(ScenarioSimulation.twinTargets(s).values()).size();
        return new SimOptions(s.validators(), Set.of(), sabotage, Math.min(twinned, s.validators() - 1),
                micros(s.lastHealSeconds()), micros(s.finalSeconds()), crypto, trace);
    }

    private static Duration micros(double seconds) {
        return Duration.ofNanos(ScenarioSimulation.micros(seconds) * 1000);
    }

    public static ScenarioSeed runSeed(Scenario s, SimOptions o, long seed, PrintStream trace) {
        return new ScenarioSimulation(s, o, seed, trace).run();
    }

    public static ScenarioReport runSeeds(Scenario s, SimOptions o, long first, int count, int threads,
                                          boolean stopAtFirstUnsafe, IntConsumer progress) {
        Map<Long, List<AppliedWindow>> applied = new ConcurrentHashMap<>();
        SimReport r = SimulationRunner.runAll(s.validators(), seed -> {
            ScenarioSeed one = runSeed(s, o, seed, null);
            applied.put(seed, one.applied());
            return one.result();
        }, first, count, threads, stopAtFirstUnsafe, progress);
        return new ScenarioReport(s, r, applied);
    }
}
