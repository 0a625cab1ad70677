package dev.keel.simulator.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.simulator.Fault;
import dev.keel.simulator.SimOptions;
import dev.keel.simulator.node.CrashPoint;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Crash-restart at every named persistence point (before/after the safety write — the
 * latter is "signed, persisted, not yet sent" — and before/after a commit), many times per
 * run on every node: recovery from what was persisted must never sign twice, lose or
 * reorder a commit, or stop the chain.
 */
class CrashPointTest {
    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void crashesAtThisPointKeepEveryInvariant(CrashPoint point) {
        SimOptions o = SimOptions.defaults(4, Fault.parse("delay"));
        for (long seed = 1; seed <= 6; seed++) {
            Simulation sim = new Simulation(o, seed, FaultPlan.topology(o, seed), null);
            SplittableRandom rnd = new SplittableRandom(seed);
            for (long t = 300_000; t < 25_000_000; t += 400_000 + rnd.nextLong(800_000)) {
                int node = rnd.nextInt(4);
                long down = 20_000 + rnd.nextLong(400_000);
                sim.queue().at(t, () -> sim.crash(node, point, down));
            }
            SeedResult r = sim.run(o.faultPhase().toNanos() / 1000);
            assertTrue(r.violations().isEmpty(), point + " seed " + seed + ": " + r.violations());
            assertTrue(r.crashes() >= 10, point + " seed " + seed + ": only " + r.crashes() + " crashes happened");
            assertTrue(r.committedHeight() > 10, point + " seed " + seed + ": the chain stalled at " + r.committedHeight());
        }
    }
}
