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
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Runs sampled Twins scenarios: {@code byzantine} validators are twinned (f by default; f+1
 * must be able to fork), each scenario drives its first rounds, then heals after
 * {@link #SCENARIO_TIME} and must commit within the liveness bound.
 */
public final class TwinsRunner {
    public static final int ROUNDS = 8;
    static final Duration SCENARIO_TIME = Duration.ofSeconds(10);

    private TwinsRunner() {
    }

    public static SeedResult runOne(SimOptions o, long seed) {
        int twins = o.byzantine() >= 0 ? o.byzantine() : (o.validators() - 1) / 3;
        TwinsScenario sc = TwinsScenario.sample(o.validators(), twins, ROUNDS, new SplittableRandom(seed));
        List<Topology.NodeSpec> specs = new ArrayList<>();
        for (int node = 0; node < sc.nodes(); node++) {
            int v = sc.validatorOf(node);
            boolean twinned = node >= o.validators() || v < twins;
            specs.add(new Topology.NodeSpec(v, twinned ? new Twin() : Behavior.HONEST));
        }
        var topology = new Topology(o.validators(), specs, new ScheduledLeaders(sc.leaders(), new RoundRobin(o.validators())));
        SimOptions calm = new SimOptions(o.validators(), Set.of(), o.sabotage(), twins, SCENARIO_TIME, o.livenessBound(),
                o.crypto(), o.trace());
        Simulation sim = new Simulation(calm, seed, topology, null);
        sim.setFilter(sc.filter());
        return sim.run(SCENARIO_TIME.toNanos() / 1000);
    }

    public static SimReport run(SimOptions o, long first, int count, int threads, boolean stopAtFirstUnsafe,
                                IntConsumer progress) {
        return SimulationRunner.runAll(o.validators(), seed -> runOne(o, seed), first, count, threads, stopAtFirstUnsafe, progress);
    }
}
