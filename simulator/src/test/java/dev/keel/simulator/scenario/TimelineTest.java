package dev.keel.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeline both sides run: fault i starts at quiet*(i+1) + earlier durations. */
class TimelineTest {
    @Test
    void windowsFollowTheFormula() {
        Scenario s = Scenario.parse("{:name \"t\" :quiet 10 :final 7 :faults [{:nemesis :bridge :duration 20}"
                + " {:nemesis :kill :duration 15 :target :leader} {:nemesis :twin :duration 2.5}]}");
        assertEquals(List.of(new FaultWindow(0, Nemesis.BRIDGE, 10, 30, Target.RANDOM),
                new FaultWindow(1, Nemesis.KILL, 40, 55, Target.LEADER),
                new FaultWindow(2, Nemesis.TWIN, 65, 67.5, Target.RANDOM)), s.windows());
        assertEquals(67.5, s.lastHealSeconds());
        assertEquals(10 * 3 + 20 + 15 + 2.5 + 7, s.totalSeconds());
    }

    @Test
    void zeroQuietPutsFaultsBackToBack() {
        Scenario s = Scenario.parse("{:name \"t\" :quiet 0 :final 1 :faults [{:nemesis :pause :duration 3} {:nemesis :pause :duration 4}]}");
        assertEquals(0, s.windows().get(0).start());
        assertEquals(s.windows().get(0).end(), s.windows().get(1).start());
        assertEquals(8, s.totalSeconds());
    }

    @Test
    void fromFlagsCyclesTheNemesesAndFillsTheTimeLimit() {
        Scenario s = Scenario.fromFlags("flags", 7, List.of(Nemesis.KILL, Nemesis.BRIDGE), 100, 42);
        assertEquals(List.of(Nemesis.KILL, Nemesis.BRIDGE, Nemesis.KILL), s.faults().stream().map(FaultSpec::nemesis).toList());
        assertTrue(s.faults().stream().allMatch(f -> f.duration() == 15));
        assertEquals(10, s.quiet());
        assertEquals(100, s.totalSeconds());
        assertEquals(100 - 3 * 25, s.finalSeconds());
        assertEquals(42, s.seed());
        assertEquals(7, s.validators());
        assertEquals(s, Scenario.parse(s.toEdn()));
    }

    @Test
    void fromFlagsNeedsRoomForOneFault() {
        assertEquals(1, Scenario.fromFlags("f", 4, List.of(Nemesis.TWIN), 35, 1).faults().size());
        var e = assertThrows(IllegalArgumentException.class, () -> Scenario.fromFlags("f", 4, List.of(Nemesis.TWIN), 34.9, 1));
        assertTrue(e.getMessage().contains("too short for one fault"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scenario.fromFlags("f", 4, List.of(), 600, 1));
        assertThrows(IllegalArgumentException.class, () -> Scenario.fromFlags("f", 2, List.of(Nemesis.KILL), 600, 1));
    }
}
