package dev.keel.simulator.scenario;

import dev.keel.consensus.liveness.RoundRobin;
import dev.keel.simulator.SimOptions;
import dev.keel.simulator.byzantine.Twin;
import dev.keel.simulator.net.LinkFilter;
import dev.keel.simulator.node.Behavior;
import dev.keel.simulator.node.CrashPoint;
import dev.keel.simulator.node.SimNode;
import dev.keel.simulator.run.FaultPlan;
import dev.keel.simulator.run.SeedResult;
import dev.keel.simulator.run.Simulation;
import dev.keel.simulator.run.Topology;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One seed of a scenario in the simulator: its timeline in virtual time (one scenario second
 * is one virtual second), each window opened at its start and closed at its end, and nothing
 * else random: the network is calm (the scenario's schedule replaces {@link FaultPlan}'s).
 * The simulation seed varies message timing; the scenario seed alone picks sides and targets.
 *
 * <ul>
 *   <li>partition: a {@link CutFilter} of the window's {@link Cut}, removed at the end;</li>
 *   <li>kill: a crash at a persistence point drawn from the window's random, restarted at the
 *       window's end from what was persisted;</li>
 *   <li>pause: {@link Simulation#pause} (deliveries and sends held, memory intact) and resume;</li>
 *   <li>twin: an extra node with the validator's key and an empty store joins at the window's
 *       start and leaves at its end (present only during the window). Both copies count as
 *       byzantine for the whole run, so neither is held to the invariants.</li>
 * </ul>
 */
public final class ScenarioSimulation {
    private final Scenario scenario;
    private final Simulation sim;
    private final int[] validatorOfNode;
    /** Window index → the extra node of that twin window. */
    private final Map<Integer, Integer> twinNodes;
    private final Map<Integer, int[]> targetsOfWindow = new HashMap<>();
    private final List<AppliedWindow> applied = new ArrayList<>();

    public ScenarioSimulation(Scenario scenario, SimOptions options, long seed, PrintStream trace) {
        this.scenario = scenario;
        Map<Integer, Integer> twinned = twinTargets(scenario);
        Topology topology = topology(scenario, twinned);
        this.sim = new Simulation(options, seed, topology, trace);
        this.validatorOfNode = topology.nodes().stream().mapToInt(Topology.NodeSpec::validator).toArray();
        this.twinNodes = new HashMap<>();
        int next = scenario.validators();
        for (int window : twinned.keySet()) {
            twinNodes.put(window, next);
            sim.keepOut(next++);
        }
        for (FaultWindow w : scenario.windows()) {
            long start = micros(w.start());
            long end = micros(w.end());
            sim.queue().at(start, () -> open(w, start, end));
            sim.queue().at(end, () -> close(w));
        }
    }

    /** For each twin window (in order), the validator it copies: drawn first from the window's random, as the cluster does. */
    static Map<Integer, Integer> twinTargets(Scenario s) {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        for (FaultWindow w : s.windows()) {
            if (w.nemesis() == Nemesis.TWIN) {
                out.put(w.index(), w.resolveTargets(s.validators(), -1, Cut.randomFor(s, w))[0]);
            }
        }
        return out;
    }

    /** Validators 0..n-1 are nodes 0..n-1; each twin window adds one node after them. */
    private static Topology topology(Scenario s, Map<Integer, Integer> twinned) {
        int n = s.validators();
        List<Topology.NodeSpec> specs = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            specs.add(new Topology.NodeSpec(v, twinned.containsValue(v) ? new Twin() : Behavior.HONEST));
        }
        twinned.values().forEach(v -> specs.add(new Topology.NodeSpec(v, new Twin())));
        return new Topology(n, specs, new RoundRobin(n), null);
    }

    static long micros(double seconds) {
        return Math.round(seconds * FaultPlan.SECOND);
    }

    public Simulation simulation() {
        return sim;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Runs to the end: the last heal, then up to {@code :final} seconds for every honest node to commit. */
    public ScenarioSeed run() {
        SeedResult r = sim.run(micros(scenario.lastHealSeconds()));
        return new ScenarioSeed(r, applied);
    }

    private void open(FaultWindow w, long start, long end) {
        SplittableRandom rnd = Cut.randomFor(scenario, w);
        int n = scenario.validators();
        int leader = sim.currentLeader();
        String action;
        if (w.nemesis().isPartition()) {
            Cut cut = Cut.of(w.nemesis(), n, leader, rnd);
            sim.setFilter(new CutFilter(cut, validatorOfNode));
            action = cut.description();
        } else if (w.nemesis() == Nemesis.TWIN) {
            int node = twinNodes.get(w.index());
            sim.join(node);
            action = "twin of validator " + validatorOfNode[node] + " (node " + node + ", empty store)";
        } else {
            int[] targets = w.resolveTargets(n, leader, rnd);
            targetsOfWindow.put(w.index(), targets);
            action = w.nemesis().flag() + " " + FaultWindow.describeTargets(targets) + takeDown(w, targets, end - start, rnd);
        }
        applied.add(new AppliedWindow(w, start, end, action));
        sim.trace().record(sim.queue().nowMicros(), "scenario window #" + w.index() + " opens: " + action);
    }

    /** Kills or pauses the targets (validator v is node v); returns what to add to the description. */
    private String takeDown(FaultWindow w, int[] targets, long downMicros, SplittableRandom rnd) {
        if (w.nemesis() == Nemesis.PAUSE) {
            for (int v : targets) {
                sim.pause(v);
            }
            return "";
        }
        if (w.nemesis() != Nemesis.KILL) {
            throw new AssertionError("no take-down for " + w.nemesis());
        }
        CrashPoint point = CrashPoint.values()[rnd.nextInt(CrashPoint.values().length)];
        for (int v : targets) {
            sim.crash(v, point, downMicros);
        }
        return " at " + point.name().toLowerCase(Locale.ROOT);
    }

    private void close(FaultWindow w) {
        sim.trace().record(sim.queue().nowMicros(), "scenario window #" + w.index() + " closes");
        if (w.nemesis().isPartition()) {
            sim.setFilter(LinkFilter.OPEN);
        } else if (w.nemesis() == Nemesis.TWIN) {
            sim.leave(twinNodes.get(w.index()));
        } else if (w.nemesis() == Nemesis.PAUSE) {
            for (int v : targetsOfWindow.get(w.index())) {
                sim.resume(v);
            }
        } else if (w.nemesis() == Nemesis.KILL) {
            // Down exactly for the window: a crash point not reached yet is disarmed, a crashed node restarts now.
            for (int v : targetsOfWindow.get(w.index())) {
                SimNode node = sim.nodes().get(v);
                node.arm(null);
                if (!node.isUp()) {
                    node.start();
                }
            }
        } else {
            throw new AssertionError("unhandled nemesis " + w.nemesis());
        }
    }
}
