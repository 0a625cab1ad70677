package dev.keel.simulator.twins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.simulator.Fault;
import dev.keel.simulator.SimOptions;
import dev.keel.simulator.run.SimReport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Sampled Twins scenarios: with f twins every invariant holds; with f+1 a fork must appear. */
class TwinsSuiteTest {
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Test
    void aThousandTwinsScenariosWithFTwinsAreSafeAndLive() {
        SimOptions o = SimOptions.defaults(4, Fault.parse("none"));
        SimReport r = TwinsRunner.run(o, 1, 1000, THREADS, false, n -> { });
        assertEquals(1000, r.seeds());
        String bad = r.results().stream().filter(x -> !x.violations().isEmpty())
                .map(x -> "scenario " + x.seed() + ": " + x.violations().get(0)).collect(Collectors.joining("\n"));
        assertTrue(r.unsafe().isEmpty() && r.notLive().isEmpty(), bad);
    }

    @Test
    void fPlusOneTwinsForkTheChainAndTheCheckerSeesIt() {
        SimOptions o = SimOptions.defaults(4, Fault.parse("none")).withByzantine(2);
        SimReport r = TwinsRunner.run(o, 1, 200, THREADS, true, n -> { });
        assertTrue(r.results().stream().anyMatch(x -> !x.safe()), "no fork found with f+1 twins in 200 scenarios");
    }
}
