package dev.keel.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every mistake in a scenario file is an IllegalArgumentException naming the key and the bad value. */
class ScenarioValidationTest {
    private static final String FAULTS = ":faults [{:nemesis :kill :duration 15}]";

    private static String error(String edn) {
        return assertThrows(IllegalArgumentException.class, () -> Scenario.parse(edn)).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "'" + message + "' does not mention '" + p + "'");
        }
    }

    @Test
    void aNegativeDurationNamesTheFaultAndTheValue() {
        String edn = "{:name \"x\" :faults [{:nemesis :bridge :duration 1} {:nemesis :bridge :duration 1} "
                + "{:nemesis :bridge :duration 1} {:nemesis :kill :duration -1}]}";
        assertEquals("scenario :faults[3] :duration must be a positive number of seconds, got -1", error(edn));
        assertMentions(error("{:name \"x\" :faults [{:nemesis :kill :duration 0}]}"), ":faults[0] :duration", "got 0");
        assertMentions(error("{:name \"x\" :faults [{:nemesis :kill :duration \"15\"}]}"), ":faults[0] :duration", "got \"15\"");
        assertMentions(error("{:name \"x\" :faults [{:nemesis :kill}]}"), ":faults[0] :duration is required");
    }

    @Test
    void theNameIsRequiredAndAString() {
        assertMentions(error("{" + FAULTS + "}"), ":name is required");
        assertMentions(error("{:name ci " + FAULTS + "}"), ":name must be a string", "got ci");
        assertMentions(error("{:name \"  \" " + FAULTS + "}"), ":name must be a non-empty string");
    }

    @Test
    void unknownKeysAreErrorsNotSilentDefaults() {
        assertMentions(error("{:name \"x\" :valdators 7 " + FAULTS + "}"), "unknown key :valdators", ":validators");
        assertMentions(error("{:name \"x\" :faults [{:nemesis :kill :duration 1 :targte :leader}]}"),
                "scenario :faults[0]", "unknown key :targte", ":target");
        assertMentions(error("{:name \"x\" \"seed\" 3 " + FAULTS + "}"), "unknown key \"seed\"");
        assertMentions(error("{:name \"x\" :keel/seed 3 " + FAULTS + "}"), "unknown key :keel/seed");
    }

    @Test
    void anUnknownNemesisListsTheKnownOnes() {
        assertMentions(error("{:name \"x\" :faults [{:nemesis :partition-halfs :duration 1}]}"),
                "scenario :faults[0] :nemesis :partition-halfs is not a nemesis", "partition-halves", "twin");
        assertMentions(error("{:name \"x\" :faults [{:nemesis \"kill\" :duration 1}]}"), ":faults[0] :nemesis", "\"kill\"");
        assertMentions(error("{:name \"x\" :faults [{:duration 1}]}"), ":faults[0] :nemesis is required");
    }

    @Test
    void killAndPauseMustLeaveAQuorum() {
        assertMentions(error("{:name \"x\" :validators 5 :faults [{:nemesis :kill :duration 1 :target [0 2]}]}"),
                "scenario :faults[0] :target [0 2]", "at most f = 1 of 5");
        assertMentions(error("{:name \"x\" :validators 7 :faults [{:nemesis :pause :duration 1 :target [0 1 2]}]}"),
                ":faults[0] :target [0 1 2]", "at most f = 2 of 7");
        // Two at once is fine at seven validators, and a twin never takes anyone down.
        assertEquals(2, ((Target.Indices) Scenario.parse("{:name \"x\" :validators 7 :faults [{:nemesis :kill :duration 1 :target [0 2]}]}")
                .faults().get(0).target()).indices().size());
    }

    @Test
    void targetsMustNameValidatorsThatExist() {
        assertMentions(error("{:name \"x\" :validators 4 :faults [{:nemesis :kill :duration 1 :target [4]}]}"),
                ":faults[0] :target names validator 4", "0..3");
        assertMentions(error("{:name \"x\" :faults [{:nemesis :kill :duration 1 :target [-1]}]}"), ":faults[0] :target", "got -1");
        assertMentions(error("{:name \"x\" :faults [{:nemesis :kill :duration 1 :target [1 1]}]}"), ":faults[0] :target [1 1]", "distinct");
        assertMentions(error("{:name \"x\" :faults [{:nemesis :kill :duration 1 :target []}]}"), ":faults[0] :target []", "at least one");
        assertMentions(error("{:name \"x\" :faults [{:nemesis :kill :duration 1 :target :follower}]}"), ":faults[0] :target", ":follower");
    }

    @Test
    void twinsCopyOneNamedOrRandomValidatorNeverTheLeader() {
        assertMentions(error("{:name \"x\" :faults [{:nemesis :twin :duration 1 :target :leader}]}"),
                "scenario :faults[0] twin :target", "not :leader");
        assertMentions(error("{:name \"x\" :faults [{:nemesis :twin :duration 1 :target [0 1]}]}"), ":faults[0] twin :target", "got [0 1]");
        assertMentions(error("{:name \"x\" :validators 5 :faults [{:nemesis :twin :duration 1 :target 5}]}"), "names validator 5");
    }

    @Test
    void partitionsTakeNoTarget() {
        assertMentions(error("{:name \"x\" :faults [{:nemesis :isolate-leader :duration 1 :target :leader}]}"),
                ":faults[0] :target is not allowed on :isolate-leader");
        assertThrows(IllegalArgumentException.class, () -> new FaultSpec(Nemesis.BRIDGE, 1, Target.LEADER));
    }

    @Test
    void malformedEdnIsAnIllegalArgumentException() {
        assertMentions(error("{:name \"x\" :faults [{:nemesis :kill :duration 1}]"), "not valid EDN", "EOF");
        assertMentions(error("{:name \"x\" :name \"y\" " + FAULTS + "}"), "not valid EDN", "Duplicate key");
        assertMentions(error("{:name \"x\" :seed #foo 1 " + FAULTS + "}"), "not valid EDN");
        assertMentions(error(""), "scenario is empty");
        assertMentions(error("   ; only a comment"), "scenario is empty");
        assertMentions(error("{:name \"x\" " + FAULTS + "} {:name \"y\"}"), "more follows", "{:name \"y\"}");
        assertMentions(error("[:name \"x\"]"), "scenario must be an EDN map", "[:name \"x\"]");
    }

    @Test
    void numbersAreCheckedWithTheirKey() {
        assertMentions(error("{:name \"x\" :validators 3 " + FAULTS + "}"), "scenario :validators must be an integer 4..16, got 3");
        assertMentions(error("{:name \"x\" :validators 17 " + FAULTS + "}"), ":validators", "got 17");
        assertMentions(error("{:name \"x\" :validators 5.0 " + FAULTS + "}"), ":validators", "got 5.0");
        assertMentions(error("{:name \"x\" :seed 1.5 " + FAULTS + "}"), ":seed must be a 64-bit integer, got 1.5");
        assertMentions(error("{:name \"x\" :seed 99999999999999999999 " + FAULTS + "}"), ":seed", "99999999999999999999");
        assertMentions(error("{:name \"x\" :quiet -2 " + FAULTS + "}"), ":quiet must be a number of seconds, 0 or more, got -2");
        assertMentions(error("{:name \"x\" :final 0 " + FAULTS + "}"), ":final must be a positive number of seconds, got 0");
        assertMentions(error("{:name \"x\" :rate :fast " + FAULTS + "}"), ":rate", "got :fast");
        assertEquals(0.0, Scenario.parse("{:name \"x\" :quiet 0 " + FAULTS + "}").quiet());
        assertEquals(0.5, Scenario.parse("{:name \"x\" :quiet 1/2 :final 2.5M " + FAULTS + "}").quiet());
    }

    @Test
    void workloadsAreKnownKeywords() {
        assertMentions(error("{:name \"x\" :workloads [:unique :bnak] " + FAULTS + "}"), ":workloads", "unknown workload :bnak");
        assertMentions(error("{:name \"x\" :workloads [\"bank\"] " + FAULTS + "}"), ":workloads must be a keyword", "\"bank\"");
        assertMentions(error("{:name \"x\" :workloads :bank " + FAULTS + "}"), ":workloads must be a vector", "got :bank");
        assertMentions(error("{:name \"x\" :workloads [] " + FAULTS + "}"), ":workloads must name at least one");
        assertMentions(error("{:name \"x\" :workloads [:bank :bank] " + FAULTS + "}"), ":workloads lists a workload twice");
    }

    @Test
    void faultsAreARequiredNonEmptyVectorOfMaps() {
        assertMentions(error("{:name \"x\"}"), ":faults is required");
        assertMentions(error("{:name \"x\" :faults []}"), ":faults must list at least one fault");
        assertMentions(error("{:name \"x\" :faults {:nemesis :kill}}"), ":faults must be a vector");
        assertMentions(error("{:name \"x\" :faults [:kill]}"), "scenario :faults[0] must be an EDN map", "got :kill");
    }

    @Test
    void theConstructorChecksWhatItCanOnItsOwn() {
        var fault = List.of(new FaultSpec(Nemesis.KILL, 1));
        assertThrows(IllegalArgumentException.class, () -> new Scenario("x", 3, 1, 1, 1, List.of("bank"), 1, fault));
        assertThrows(IllegalArgumentException.class, () -> new Scenario("x", 4, 1, Double.NaN, 1, List.of("bank"), 1, fault));
        assertThrows(IllegalArgumentException.class, () -> new FaultSpec(Nemesis.KILL, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new Scenario("x", 4, 1, 1, 1, List.of("bank"), 1,
                List.of(new FaultSpec(Nemesis.PAUSE, 1, new Target.Indices(List.of(0, 1))))));
    }
}
