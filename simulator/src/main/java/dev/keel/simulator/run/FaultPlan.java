package dev.keel.simulator.run;

import dev.keel.consensus.liveness.RoundRobin;
import dev.keel.simulator.Fault;
import dev.keel.simulator.SimOptions;
import dev.keel.simulator.byzantine.Equivocator;
import dev.keel.simulator.byzantine.ForkAttack;
import dev.keel.simulator.byzantine.Noisy;
import dev.keel.simulator.byzantine.Twin;
import dev.keel.simulator.net.LinkFilter;
import dev.keel.simulator.node.Behavior;
import dev.keel.simulator.node.CrashPoint;
import dev.keel.simulator.node.SimNode;
import dev.keel.simulator.twins.ScheduledLeaders;
import dev.keel.simulator.twins.TwinsRunner;
import dev.keel.simulator.twins.TwinsScenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A seeded fault schedule for one run: which validators are byzantine and how, partition
 * episodes of every shape, crash-restarts at every persistence point, all within the fault
 * phase. Everything is drawn from the seed, so a failing seed replays exactly.
 */
public final class FaultPlan {
    /** The simulator's time unit is the microsecond. */
    public static final long SECOND = 1_000_000;
    private static final int SHAPES = 6;

    private FaultPlan() {
    }

    /** Picks up to the configured number of byzantine validators, each with a random behavior. */
    public static Topology topology(SimOptions o, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
        int n = o.validators();
        List<Integer> order = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            order.add(v);
        }
        Collections.shuffle(order, new java.util.Random(rnd.nextLong()));
        Set<Integer> byz = new HashSet<>(order.subList(0, o.byzantineCount()));
        List<Topology.NodeSpec> specs = new ArrayList<>();
        Set<Integer> twinned = new HashSet<>();
        for (int v = 0; v < n; v++) {
            if (!byz.contains(v)) {
                specs.add(new Topology.NodeSpec(v, Behavior.HONEST));
                continue;
            }
            int kind = rnd.nextInt(4);
            if (kind == 0) {
                twinned.add(v);
                specs.add(new Topology.NodeSpec(v, new Twin()));
                specs.add(new Topology.NodeSpec(v, new Twin()));
            } else {
                specs.add(new Topology.NodeSpec(v, kind == 1 ? new Equivocator() : kind == 2 ? new Noisy() : new ForkAttack()));
            }
        }
        if (twinned.isEmpty()) {
            return new Topology(n, specs, new RoundRobin(n), null);
        }
        // Twins act as in the Twins paper for the first rounds: scenario leaders and partitions.
        int[] validatorOf = specs.stream().mapToInt(Topology.NodeSpec::validator).toArray();
        TwinsScenario sc = TwinsScenario.sample(n, validatorOf, twinned, TwinsRunner.ROUNDS, rnd);
        return new Topology(n, specs, new ScheduledLeaders(sc.leaders(), new RoundRobin(n)), sc);
    }

    /** Schedules this seed's partitions and crashes on {@code sim}. */
    public static void schedule(Simulation sim, SimOptions o, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 17 + 3);
        long phase = o.faultPhase().toNanos() / 1000;

        if (o.faults().contains(Fault.PARTITION)) {
            long t = SECOND / 2 + rnd.nextLong(2 * SECOND);
            while (t < phase) {
                long dur = SECOND / 2 + rnd.nextLong(4 * SECOND);
                int shape = rnd.nextInt(SHAPES);
                long salt = rnd.nextLong();
                sim.queue().at(t, () -> sim.setFilter(shape(sim, shape, new SplittableRandom(salt)).get()));
                sim.queue().at(Math.min(t + dur, phase), () -> sim.setFilter(LinkFilter.OPEN));
                t += dur + SECOND / 3 + rnd.nextLong(2 * SECOND);
            }
        }
        if (o.faults().contains(Fault.CRASH)) {
            int crashes = 2 + rnd.nextInt(5);
            CrashPoint[] points = CrashPoint.values();
            for (int i = 0; i < crashes; i++) {
                int node = rnd.nextInt(sim.nodes().size());
                long at = SECOND / 5 + rnd.nextLong(Math.max(1, phase - SECOND));
                CrashPoint p = points[rnd.nextInt(points.length)];
                long down = 50_000 + rnd.nextLong(3 * SECOND);
                sim.queue().at(at, () -> sim.crash(node, p, down));
            }
        }
    }

    private static Supplier<LinkFilter> shape(Simulation sim, int shape, SplittableRandom rnd) {
        List<SimNode> nodes = sim.nodes();
        int count = nodes.size();
        int validators = nodes.get(0).config().validators().size();
        return () -> switch (shape) {
            case 0 -> {
                int leader = sim.currentLeader();
                int[] g = new int[count];
                nodes.forEach(n -> g[n.id()] = n.validator() == leader ? 1 : 0);
                yield new LinkFilter.Groups("isolate-leader", g);
            }
            case 1 -> new LinkFilter.Groups("halves", splitNodes(nodes, rnd));
            case 2 -> {
                int[] vOf = new int[count];
                nodes.forEach(n -> vOf[n.id()] = n.validator());
                yield new LinkFilter.MajoritiesRing(vOf, validators, Math.max(1, (validators / 2 + 1) / 2));
            }
            case 3 -> new LinkFilter.Bridge(splitNodes(nodes, rnd), rnd.nextInt(count));
            case 4 -> {
                int[] side = splitNodes(nodes, rnd);
                Set<Integer> a = new HashSet<>();
                Set<Integer> b = new HashSet<>();
                for (int i = 0; i < count; i++) {
                    (side[i] == 0 ? a : b).add(i);
                }
                yield new LinkFilter.OneWay(a, b);
            }
            case 5 -> new LinkFilter.Flapping(rnd.nextLong());
            default -> throw new AssertionError("no partition shape " + shape);
        };
    }

    /** Two random sides of validators; the second copy of a twin goes to the other side. */
    private static int[] splitNodes(List<SimNode> nodes, SplittableRandom rnd) {
        int validators = nodes.get(0).config().validators().size();
        List<Integer> order = new ArrayList<>();
        for (int v = 0; v < validators; v++) {
            order.add(v);
        }
        Collections.shuffle(order, new java.util.Random(rnd.nextLong()));
        int[] sideOfValidator = new int[validators];
        for (int i = 0; i < validators / 2; i++) {
            sideOfValidator[order.get(i)] = 1;
        }
        int[] side = new int[nodes.size()];
        Set<Integer> placed = new HashSet<>();
        for (SimNode n : nodes) {
            int s = sideOfValidator[n.validator()];
            side[n.id()] = placed.add(n.validator()) ? s : 1 - s;
        }
        return side;
    }
}
