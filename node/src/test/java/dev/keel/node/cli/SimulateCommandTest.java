package dev.keel.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.node.keys.CliRun;
import dev.keel.simulator.scenario.Nemesis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keel simulate --scenario FILE}: runs, reports, exit codes, and what it refuses. */
class SimulateCommandTest {
    @TempDir
    Path dir;

    /** Every nemesis once, with short windows: about 24 s of virtual time per seed. */
    private Path everyNemesis() throws IOException {
        String faults = Stream.of(Nemesis.values())
                .map(n -> "{:nemesis :" + n.flag() + " :duration 1.5" + (n == Nemesis.KILL ? " :target :leader" : "") + "}")
                .collect(Collectors.joining(" "));
        return write("all.edn", "{:name \"cli-test\" :validators 4 :seed 3 :quiet 1 :final 5 :faults [" + faults + "]}");
    }

    private Path write(String name, String edn) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, edn);
        return f;
    }

    private static void assertMentions(String text, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), "missing '" + p + "' in:\n" + text);
        }
    }

    @Test
    void aScenarioRunsItsScheduleAndReportsTheVerdict() throws IOException {
        CliRun r = CliRun.of("simulate", "--scenario", everyNemesis().toString(), "--seeds", "2", "--threads", "2");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertMentions(r.out(), "keel simulate --scenario cli-test: 4 validators, 9 faults over 27.5 s (scenario seed 3), byzantine 1",
                "schedule as applied (simulation seed 1", "seeds run              2", "safety violations      0",
                "liveness failures      0", "RESULT: OK");
        assertMentions(r.out(), "#0         1s ->      2.5s  isolate-leader [", "#6        16s ->     17.5s  kill [",
                "#8        21s ->     22.5s  twin of validator ");
        for (Nemesis n : Nemesis.values()) {
            assertMentions(r.out(), "  " + n.flag() + " ");
        }
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("keel simulate: ")), "the random-fault header is replaced");
    }

    @Test
    void aViolatingSeedExitsOneWithAReplayOfTheScenario() throws IOException {
        // Crash-restarts within a round, with the safety record switched off: the restarted replica votes twice.
        Path f = write("forgetful.edn", "{:name \"forgetful\" :validators 4 :seed 1 :quiet 0.5 :final 5 :faults ["
                + "{:nemesis :kill :duration 0.01 :target [1]} {:nemesis :kill :duration 0.01 :target [2]}"
                + " {:nemesis :kill :duration 0.01 :target [3]} {:nemesis :kill :duration 0.01 :target [0]}]}");
        CliRun r = CliRun.of("simulate", "--scenario", f.toString(), "--seeds", "2", "--sabotage", "forget-safety-record");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertMentions(r.out(), "SABOTAGE forget-safety-record", "RESULT: VIOLATION", "DOUBLE_SIGN",
                "replay: ./keel simulate --scenario " + f + " --seed ");
        assertTrue(r.out().lines().filter(l -> l.contains("replay: ")).noneMatch(l -> l.contains("--faults")), r.out());
    }

    @Test
    void theScenarioFileSetsValidatorsAndFaults() throws IOException {
        String file = everyNemesis().toString();
        CliRun faults = CliRun.of("simulate", "--scenario", file, "--faults", "all");
        assertEquals(2, faults.exitCode());
        assertMentions(faults.err(), "--scenario cannot be combined with --faults", "the scenario file sets the validators");
        CliRun validators = CliRun.of("simulate", "--validators", "7", "--scenario", file);
        assertEquals(2, validators.exitCode());
        assertMentions(validators.err(), "--scenario cannot be combined with --validators");
        CliRun both = CliRun.of("simulate", "--scenario", file, "--faults", "none", "--validators", "4", "--twins", "3");
        assertMentions(both.err(), "--faults, --validators, --twins");
        assertEquals(2, CliRun.of("simulate", "--scenario", file, "--trace").exitCode(), "--trace needs --seed");
    }

    @Test
    void aBadScenarioFileIsABadArgumentNamingTheKey() throws IOException {
        Path typo = write("typo.edn", "{:name \"t\" :nmae \"u\" :faults [{:nemesis :kill :duration 1}]}");
        CliRun r = CliRun.of("simulate", "--scenario", typo.toString());
        assertEquals(2, r.exitCode());
        assertMentions(r.err(), "--scenario " + typo, "unknown key :nmae");
        CliRun missing = CliRun.of("simulate", "--scenario", dir.resolve("nope.edn").toString());
        assertEquals(2, missing.exitCode());
        assertMentions(missing.err(), "cannot read scenario");
    }

    @Test
    void jsonCarriesTheScenarioAndItsWindows() throws IOException {
        CliRun r = CliRun.of("simulate", "--scenario", everyNemesis().toString(), "--seed", "4", "--json");
        assertEquals(0, r.exitCode(), r.err());
        String json = r.out().trim();
        assertTrue(json.startsWith("{\"scenario\":\"cli-test\",\"scenario_seed\":3,\"scenario_seconds\":27.500,\"windows\":{\"4\":[{\"index\":0,"
                + "\"nemesis\":\"isolate-leader\",\"start_s\":1.000,\"end_s\":2.500,\"action\":\"isolate-leader ["), json);
        assertMentions(json, "\"validators\":4", "\"seeds\":1", "\"violations\":0", "\"nemesis\":\"twin\"");
        assertEquals(1, json.lines().count());
    }

    @Test
    void theRandomFaultModeIsUnchanged() {
        assertEquals(0, CliRun.of("simulate", "--seeds", "2", "--faults", "partition,crash", "--validators", "4").exitCode());
        assertEquals(2, CliRun.of("simulate", "--faults", "bogus").exitCode());
    }
}
