package dev.keel.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.simulator.SimOptions;
import dev.keel.simulator.node.SimNode;
import dev.keel.simulator.run.SeedResult;
import dev.keel.simulator.run.Simulation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Scenarios in the simulator: every nemesis keeps the invariants, and each one really acts —
 * probes read the simulation at chosen virtual times inside and around the window.
 */
class ScenarioSimulationTest {
    private static final long S = 1_000_000;

    private static Scenario one(int validators, String fault) {
        return Scenario.parse("{:name \"one\" :validators " + validators + " :seed 5 :quiet 2 :final 10 :faults [" + fault + "]}");
    }

    private static ScenarioSimulation prepare(Scenario s, long seed, PrintStream trace) {
        return new ScenarioSimulation(s, ScenarioRunner.options(s, Set.of(), "sim", false), seed, trace);
    }

    /** Reads {@code value} at each of {@code times} (virtual micros) during the run. */
    private static List<Long> probe(Simulation sim, LongSupplier value, long... times) {
        List<Long> out = new ArrayList<>();
        for (long t : times) {
            sim.queue().at(t, () -> out.add(value.getAsLong()));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Nemesis.class)
    void everyNemesisKeepsTheInvariantsAndTheChainRecovers(Nemesis nemesis) {
        Scenario s = one(4, "{:nemesis :" + nemesis.flag() + " :duration 3}");
        for (long seed = 1; seed <= 2; seed++) {
            ScenarioSeed r = ScenarioRunner.runSeed(s, ScenarioRunner.options(s, Set.of(), "sim", false), seed, null);
            assertTrue(r.result().violations().isEmpty(), nemesis + " seed " + seed + ": " + r.result().violations());
            assertTrue(r.result().recoveryMicros() >= 0, "every honest node committed after the heal");
            assertEquals(1, r.applied().size());
            AppliedWindow w = r.applied().get(0);
            assertEquals(2 * S, w.startMicros());
            assertEquals(5 * S, w.endMicros());
            assertTrue(w.action().startsWith(nemesis.flag()), w.action());
        }
    }

    @Test
    void noBlockCommitsWhileTheHalvesAreApart() {
        // Five validators split 2 | 3: neither side has the quorum of 4.
        ScenarioSimulation run = prepare(one(5, "{:nemesis :partition-halves :duration 4}"), 1, null);
        Simulation sim = run.simulation();
        List<Long> height = probe(sim, () -> sim.invariants().maxCommittedHeight(), 2 * S - 1, 2 * S + S / 5, 6 * S - 1);
        SeedResult r = run.run().result();
        assertTrue(r.violations().isEmpty(), r.violations().toString());
        assertTrue(height.get(0) > 10, "the chain grew before the window: " + height);
        assertEquals(height.get(1), height.get(2), "commits during the partition: " + height);
        assertTrue(r.committedHeight() > height.get(2), "the chain grows again after the heal");
    }

    @Test
    void aPausedNodeFreezesThenReceivesWhatWasHeld() {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        ScenarioSimulation run = prepare(one(4, "{:nemesis :pause :duration 3 :target [2]}"), 1,
                new PrintStream(trace, true, StandardCharsets.UTF_8));
        Simulation sim = run.simulation();
        SimNode paused = sim.nodes().get(2);
        List<Long> own = probe(sim, () -> paused.store().committedHeight(), 2 * S + S / 5, 5 * S - 1);
        List<Long> all = probe(sim, () -> sim.invariants().maxCommittedHeight(), 2 * S + S / 5, 5 * S - 1);
        SeedResult r = run.run().result();
        assertTrue(r.violations().isEmpty(), r.violations().toString());
        assertEquals(own.get(0), own.get(1), "the paused node committed: " + own);
        // Slowly: with one of four down, every fourth round is the paused leader's and times out.
        assertTrue(all.get(1) > all.get(0), "the other three kept committing: " + all);
        assertTrue(paused.store().committedHeight() > own.get(1), "after resuming it commits again: " + own);
        assertTrue(paused.isUp() && paused.crashes() == 0, "a pause is not a crash");
        String text = trace.toString(StandardCharsets.UTF_8);
        var held = java.util.regex.Pattern.compile("n2 resumed with (\\d+) held").matcher(text);
        assertTrue(held.find() && Integer.parseInt(held.group(1)) > 0, "messages were held for it, not dropped");
    }

    @Test
    void aKilledNodeIsDownForTheWindowAndRestartsAtItsEnd() {
        ScenarioSimulation run = prepare(one(4, "{:nemesis :kill :duration 3 :target [1]}"), 1, null);
        Simulation sim = run.simulation();
        SimNode killed = sim.nodes().get(1);
        List<Long> up = probe(sim, () -> killed.isUp() ? 1 : 0, 2 * S - 1, 3 * S, 5 * S - 1, 5 * S + 1);
        ScenarioSeed r = run.run();
        assertEquals(List.of(1L, 0L, 0L, 1L), up);
        assertEquals(1, r.result().crashes());
        assertTrue(r.result().violations().isEmpty(), r.result().violations().toString());
        assertTrue(r.applied().get(0).action().startsWith("kill [1] at "), r.applied().get(0).action());
    }

    @Test
    void aTwinJoinsForItsWindowOnlyAndCatchesUp() {
        ScenarioSimulation run = prepare(one(4, "{:nemesis :twin :duration 3 :target 3}"), 1, null);
        Simulation sim = run.simulation();
        assertEquals(5, sim.nodes().size(), "one extra node for the twin window");
        SimNode twin = sim.nodes().get(4);
        assertEquals(3, twin.validator());
        List<Long> up = probe(sim, () -> twin.isUp() ? 1 : 0, 2 * S - 1, 2 * S + 1);
        List<Long> twinHeight = probe(sim, () -> twin.store().committedHeight(), 5 * S - 1);
        ScenarioSeed r = run.run();
        assertEquals(List.of(0L, 1L), up);
        assertTrue(twinHeight.get(0) > 10, "the twin synced the chain and took part: " + twinHeight);
        assertEquals(twinHeight.get(0), twin.store().committedHeight(), "after its window nothing reaches the twin");
        assertTrue(r.result().committedHeight() > twinHeight.get(0), "while the chain went on");
        assertEquals("3:twin,3:twin", r.result().byzantine());
        assertTrue(r.result().violations().isEmpty(), r.result().violations().toString());
    }

    @Test
    void isolateLeaderCutsOffWhoeverLeadsWhenTheWindowOpens() {
        ScenarioSimulation run = prepare(one(4, "{:nemesis :isolate-leader :duration 3}"), 1, null);
        Simulation sim = run.simulation();
        List<Long> leader = probe(sim, () -> sim.currentLeader(), 2 * S);
        ScenarioSeed r = run.run();
        assertTrue(r.applied().get(0).action().startsWith("isolate-leader [" + leader.get(0) + "] | "), r.applied() + " " + leader);
    }

    @Test
    void theCiFileRunsCleanForOneSeed() {
        Scenario ci = Scenario.load(ScenarioParseTest.SCENARIOS.resolve("ci.edn"));
        SimOptions o = ScenarioRunner.options(ci, Set.of(), "sim", false);
        ScenarioSeed r = ScenarioRunner.runSeed(ci, o, 1, null);
        assertTrue(r.result().violations().isEmpty(), r.result().violations().toString());
        assertEquals(9, r.applied().size());
        assertEquals(1, r.result().crashes(), "one kill window, no other crash");
        assertEquals(1, o.byzantineCount(), "the twin's validator is the one byzantine");
    }

    @Test
    void sameSeedsSameRunAndTheScenarioSeedPicksTheSides() {
        Scenario a = Scenario.parse("{:name \"d\" :validators 7 :seed 1 :quiet 1 :final 5 :faults [{:nemesis :partition-halves :duration 1}"
                + " {:nemesis :bridge :duration 1} {:nemesis :one-way :duration 1} {:nemesis :minority-third :duration 1}]}");
        Scenario b = Scenario.parse(a.toEdn().replace(":seed 1", ":seed 2"));
        SimOptions o = ScenarioRunner.options(a, Set.of(), "sim", false);
        ScenarioSeed x = ScenarioRunner.runSeed(a, o, 9, null);
        ScenarioSeed y = ScenarioRunner.runSeed(a, o, 9, null);
        ScenarioSeed z = ScenarioRunner.runSeed(b, o, 9, null);
        assertEquals(x.result().traceDigest(), y.result().traceDigest());
        assertEquals(x.applied(), y.applied());
        assertNotEquals(x.applied().stream().map(AppliedWindow::action).toList(), z.applied().stream().map(AppliedWindow::action).toList());
        assertFalse(x.result().traceDigest().equals(z.result().traceDigest()));
    }
}
