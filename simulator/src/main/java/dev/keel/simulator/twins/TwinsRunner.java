package dev.keel.simulator.twins;

import dev.keel.consensus.liveness.RoundRobin;
import dev.keel.simulator.SimOptions;
import dev.keel.simulator.byzantine.Twin;
import dev.keel.simulator.node.Behavior;
import dev.keel.simulator.run.SeedResult;
import dev.keel.simulator.run.SimReport;
import dev.keel.simulator.run.Simulation;
import dev.keel.simulator.run.SimulationRunner;
import dev.keel.simulator.run.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Runs sampled Twins scenarios: the first {@code byzantine} validators are twinned (f by
 * default; f+1 must be able to fork), each scenario drives its first {@link #ROUNDS}
 * rounds, the network heals after {@link #SCENARIO_TIME}, and every honest node must then
 * commit within the liveness bound. No other faults: the scenario is the adversary.
 */
public final class TwinsRunner {
    public static final int ROUNDS = 8;
    static final Duration SCENARIO_TIME = Duration.ofSeconds(10);

    private TwinsRunner() {
    }

    public static SeedResult runOne(SimOptions o, long seed) {
        int n = o.validators();
        int twins = o.byzantine() >= 0 ? o.byzantine() : (n - 1) / 3;
        Set<Integer> twinned = new HashSet<>();
        List<Topology.NodeSpec> specs = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            boolean twin = v < twins;
            specs.add(new Topology.NodeSpec(v, twin ? new Twin() : Behavior.HONEST));
            if (twin) {
                twinned.add(v);
                specs.add(new Topology.NodeSpec(v, new Twin()));
            }
        }
        int[] validatorOf = specs.stream().mapToInt(Topology.NodeSpec::validator).toArray();
        TwinsScenario sc = TwinsScenario.sample(n, validatorOf, twinned, ROUNDS, new SplittableRandom(seed));
        var topology = new Topology(n, specs, new ScheduledLeaders(sc.leaders(), new RoundRobin(n)), sc);
        SimOptions calm = new SimOptions(n, Set.of(), o.sabotage(), twins, SCENARIO_TIME, o.livenessBound(), o.crypto(), o.trace());
        Simulation sim = new Simulation(calm, seed, topology, null);
        return sim.run(SCENARIO_TIME.toNanos() / 1000);
    }

    public static SimReport run(SimOptions o, long first, int count, int threads, boolean stopAtFirstUnsafe,
                                IntConsumer progress) {
        return SimulationRunner.runAll(o.validators(), seed -> runOne(o, seed), first, count, threads, stopAtFirstUnsafe, progress);
    }
}
