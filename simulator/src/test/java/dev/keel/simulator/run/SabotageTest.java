package dev.keel.simulator.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.core.Sabotage;
import dev.keel.simulator.Fault;
import dev.keel.simulator.SimOptions;
import dev.keel.simulator.check.Violation;
import dev.keel.simulator.twins.TwinsRunner;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The checkers have teeth: switch off one protection in the replicas and the simulator must
 * find the violation that follows (and the same runs without sabotage pass in the suites).
 */
class SabotageTest {
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static Optional<Violation> firstSafetyViolation(SimReport r) {
        return r.unsafe().stream().findFirst().flatMap(x -> x.violations().stream()
                .filter(v -> v.kind() != Violation.Kind.LIVENESS).findFirst());
    }

    @Test
    void votingWithoutTheLockForksTheChain() {
        SimOptions o = SimOptions.defaults(4, Fault.parse("all")).withSabotage(EnumSet.of(Sabotage.SKIP_LOCK_CHECK));
        var v = firstSafetyViolation(SimulationRunner.runSeeds(o, 1, 200, THREADS, true, n -> { }));
        assertTrue(v.isPresent(), "skip-lock-check went unnoticed in 200 seeds");
        assertTrue(v.get().kind() == Violation.Kind.AGREEMENT, "expected a fork, got " + v.get());
    }

    @Test
    void forgettingTheSafetyRecordSignsTwice() {
        SimOptions o = SimOptions.defaults(4, Fault.parse("all")).withSabotage(EnumSet.of(Sabotage.FORGET_SAFETY_RECORD));
        var v = firstSafetyViolation(SimulationRunner.runSeeds(o, 1, 200, THREADS, true, n -> { }));
        assertTrue(v.isPresent(), "forget-safety-record went unnoticed in 200 seeds");
        assertTrue(v.get().kind() == Violation.Kind.DOUBLE_SIGN, "expected a double signature, got " + v.get());
    }

    @Test
    void aQuorumOfTwoFForksTheChainUnderTwins() {
        SimOptions o = SimOptions.defaults(4, Fault.parse("none")).withSabotage(EnumSet.of(Sabotage.SMALL_QUORUM));
        var v = firstSafetyViolation(TwinsRunner.run(o, 1, 300, THREADS, true, n -> { }));
        assertTrue(v.isPresent(), "small-quorum went unnoticed in 300 Twins scenarios");
        assertTrue(v.get().kind() == Violation.Kind.AGREEMENT, "expected a fork, got " + v.get());
    }

    @Test
    void aQuorumOfTwoFForksTheChainAtSevenValidators() {
        SimOptions o = SimOptions.defaults(7, Fault.parse("all")).withSabotage(EnumSet.of(Sabotage.SMALL_QUORUM));
        var v = firstSafetyViolation(SimulationRunner.runSeeds(o, 1, 150, THREADS, true, n -> { }));
        assertTrue(v.isPresent(), "small-quorum went unnoticed in 150 seeds at n=7");
    }
}
