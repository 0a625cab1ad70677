package dev.keel.simulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.simulator.Fault;
import dev.keel.simulator.SimOptions;
import dev.keel.simulator.check.Violation;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The protocol under every fault family: seeds of random faults (partitions of every shape,
 * loss, duplication, delay, drift, crash-restarts at persistence points, f byzantine
 * validators) must keep every invariant, and recover after the heal.
 */
class SimulationSuiteTest {
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static String describe(SimReport r) {
        return r.results().stream().filter(x -> !x.violations().isEmpty())
                .map(x -> "seed " + x.seed() + " (" + x.byzantine() + "): " + x.violations().get(0))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void twoHundredMixedFaultSeedsAtFourValidators() {
        SimOptions o = SimOptions.defaults(4, Fault.parse("all"));
        SimReport r = SimulationRunner.runSeeds(o, 1, 200, THREADS, false, n -> { });
        assertEquals(200, r.seeds());
        assertTrue(r.unsafe().isEmpty() && r.notLive().isEmpty(), describe(r));
        assertTrue(r.committedBlocks() > 200 * 5, "the protocol made progress: " + r.committedBlocks());
        assertTrue(r.crashes() > 0 && r.viewChanges() > 0, "faults were actually injected");
    }

    @Test
    void mixedFaultSeedsAtSevenValidators() {
        SimOptions o = SimOptions.defaults(7, Fault.parse("all"));
        SimReport r = SimulationRunner.runSeeds(o, 1000, 24, THREADS, false, n -> { });
        assertTrue(r.unsafe().isEmpty() && r.notLive().isEmpty(), describe(r));
        assertTrue(r.committedBlocks() > 24 * 5);
    }

    @Test
    void sameSeedSameTraceDigest() {
        SimOptions o = SimOptions.defaults(4, Fault.parse("all"));
        SeedResult a = SimulationRunner.runSeed(o, 1234, null);
        SeedResult b = SimulationRunner.runSeed(o, 1234, null);
        SeedResult c = SimulationRunner.runSeed(o, 1235, null);
        assertEquals(a.traceDigest(), b.traceDigest());
        assertEquals(a.events(), b.events());
        assertNotEquals(a.traceDigest(), c.traceDigest());
    }

    @Test
    void everyHonestReplicaCommitsAfterTheHeal() {
        SimOptions o = SimOptions.defaults(4, Fault.parse("partition,crash,loss"));
        SimReport r = SimulationRunner.runSeeds(o, 500, 20, THREADS, false, n -> { });
        assertTrue(r.notLive().isEmpty(), describe(r));
        assertTrue(r.worstRecoveryMicros() >= 0 && r.worstRecoveryMicros() <= o.livenessBound().toNanos() / 1000);
        assertTrue(r.results().stream().allMatch(x -> x.violations().stream().noneMatch(v -> v.kind() == Violation.Kind.LIVENESS)));
    }
}
