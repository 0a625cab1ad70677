package dev.keel.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The sample files parse to what they say, defaults apply, and {@code toEdn} round-trips. */
class ScenarioParseTest {
    static final Path SCENARIOS = Path.of("..", "chaos-tests", "scenarios");

    @Test
    void theCiFileHasEveryNemesisOnceInOrder() {
        Scenario s = Scenario.load(SCENARIOS.resolve("ci.edn"));
        assertEquals("ci", s.name());
        assertEquals(5, s.validators());
        assertEquals(8.0, s.quiet());
        assertEquals(10.0, s.finalSeconds());
        assertEquals(List.of("unique", "bank"), s.workloads());
        assertEquals(10.0, s.rate());
        assertEquals(List.of(Nemesis.values()), s.faults().stream().map(FaultSpec::nemesis).toList());
        assertEquals(20.0, s.faults().get(0).duration());
        assertEquals(new FaultSpec(Nemesis.KILL, 15, Target.LEADER), s.faults().get(6));
        assertEquals(new FaultSpec(Nemesis.PAUSE, 15, Target.RANDOM), s.faults().get(7));
        assertEquals(new FaultSpec(Nemesis.TWIN, 25, Target.RANDOM), s.faults().get(8));
        assertEquals(8 * 9 + 6 * 20 + 15 + 15 + 25 + 10, s.totalSeconds());
    }

    @Test
    void theNightlyFileHasEveryNemesisTwice() {
        Scenario s = Scenario.load(SCENARIOS.resolve("nightly.edn"));
        assertEquals(7, s.validators());
        assertEquals(List.of("unique", "bank"), s.workloads());
        for (Nemesis n : Nemesis.values()) {
            assertEquals(2, s.faults().stream().filter(f -> f.nemesis() == n).count(), n.flag());
        }
        assertTrue(s.faults().contains(new FaultSpec(Nemesis.KILL, 30, new Target.Indices(List.of(1, 4)))));
        assertTrue(s.faults().contains(new FaultSpec(Nemesis.TWIN, 60, new Target.Indices(List.of(3)))));
    }

    @Test
    void omittedKeysTakeTheirDefaults() {
        Scenario s = Scenario.parse("{:name \"x\" :faults [{:nemesis :kill :duration 1.5}]}");
        assertEquals(new Scenario("x", 5, 1, 10, 10, List.of("unique", "bank"), 10,
                List.of(new FaultSpec(Nemesis.KILL, 1.5, Target.RANDOM))), s);
    }

    @Test
    void theFormatsExampleParses() {
        Scenario s = Scenario.parse("""
                {:name "ci" :validators 5 :seed 7 :quiet 10 :final 10 :workloads [:unique :bank] :rate 10
                 :faults [{:nemesis :isolate-leader :duration 20} {:nemesis :partition-halves :duration 20}
                          {:nemesis :majorities-ring :duration 20} {:nemesis :minority-third :duration 20}
                          {:nemesis :bridge :duration 20} {:nemesis :one-way :duration 20}
                          {:nemesis :kill :duration 15 :target :leader}      ; a comment
                          {:nemesis :pause :duration 15 :target :random}
                          {:nemesis :kill :duration 15 :target [0]}
                          {:nemesis :twin :duration 30 :target 2}]}""");
        assertEquals(7, s.seed());
        assertEquals(new FaultSpec(Nemesis.TWIN, 30, new Target.Indices(List.of(2))), s.faults().get(9));
        assertEquals(Target.LEADER, s.faults().get(0).target());
    }

    @Test
    void aSetOfWorkloadsComesOutInTheKnownOrder() {
        Scenario s = Scenario.parse("{:name \"x\" :workloads #{:checkpoint :unique} :faults [{:nemesis :bridge :duration 1}]}");
        assertEquals(List.of("unique", "checkpoint"), s.workloads());
    }

    @Test
    void theSampleFilesRoundTrip() {
        for (String f : List.of("ci.edn", "nightly.edn")) {
            Scenario s = Scenario.load(SCENARIOS.resolve(f));
            assertEquals(s, Scenario.parse(s.toEdn()), f);
        }
    }

    @Test
    void toEdnWritesDecimalsAndEscapesAsEdn() {
        Scenario s = new Scenario("a \"quoted\"\nname\\", 4, -3, 0.1, 2.5, List.of("bank"), 0.5,
                List.of(new FaultSpec(Nemesis.TWIN, 1e-3, new Target.Indices(List.of(3)))));
        String edn = s.toEdn();
        assertTrue(edn.contains(":quiet 0.1") && edn.contains(":final 2.5") && edn.contains(":duration 0.001 :target 3"), edn);
        assertEquals(s, Scenario.parse(edn));
    }

    @Property(tries = 200)
    void everyValidScenarioRoundTrips(@ForAll("scenarios") Scenario s) {
        assertEquals(s, Scenario.parse(s.toEdn()));
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Double> seconds = Arbitraries.oneOf(Arbitraries.integers().between(1, 600).map(Integer::doubleValue),
                Arbitraries.doubles().between(0.001, 1000).ofScale(3));
        Arbitrary<FaultSpec> fault = Combinators.combine(Arbitraries.of(Nemesis.class), seconds, Arbitraries.integers().between(0, 3))
                .as((n, d, pick) -> new FaultSpec(n, d, target(n, pick)));
        return Combinators.combine(Arbitraries.strings().ofMinLength(1).ofMaxLength(12).filter(x -> !x.isBlank()),
                        Arbitraries.integers().between(4, 16), Arbitraries.longs(), seconds, seconds,
                        Arbitraries.subsetOf(Scenario.KNOWN_WORKLOADS).filter(w -> !w.isEmpty()),
                        fault.list().ofMinSize(1).ofMaxSize(12))
                .as((name, n, seed, quiet, fin, wl, faults) -> new Scenario(name, n, seed, quiet, fin,
                        Scenario.KNOWN_WORKLOADS.stream().filter(wl::contains).toList(), quiet, faults));
    }

    /** A target valid for any cluster of 4 or more (indices 0..3, at most one validator down). */
    private static Target target(Nemesis n, int pick) {
        if (n.isPartition()) {
            return FaultSpec.defaultTarget(n);
        }
        return switch (pick) {
            case 0 -> n == Nemesis.TWIN ? Target.RANDOM : Target.LEADER;
            case 1 -> Target.RANDOM;
            default -> new Target.Indices(List.of(pick));
        };
    }
}
