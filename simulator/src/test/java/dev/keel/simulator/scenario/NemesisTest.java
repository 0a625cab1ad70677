package dev.keel.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nemesis names are shared with the Clojure harness: they are pinned here. */
class NemesisTest {
    @Test
    void flagsAreTheKebabNamesOfTheFormat() {
        assertEquals(List.of("isolate-leader", "partition-halves", "majorities-ring", "minority-third", "bridge", "one-way",
                "kill", "pause", "twin"), Arrays.stream(Nemesis.values()).map(Nemesis::flag).toList());
        for (Nemesis n : Nemesis.values()) {
            assertEquals(n, Nemesis.fromFlag(n.flag()));
        }
    }

    @Test
    void theSixShapesArePartitionsAndTheRestAreNot() {
        assertEquals(6, Arrays.stream(Nemesis.values()).filter(Nemesis::isPartition).count());
        assertFalse(Nemesis.KILL.isPartition() || Nemesis.PAUSE.isPartition() || Nemesis.TWIN.isPartition());
        assertTrue(Nemesis.ONE_WAY.isPartition() && Nemesis.ISOLATE_LEADER.isPartition());
    }

    @Test
    void parseListKeepsOrderExpandsAliasesAndDropsRepeats() {
        assertEquals(List.of(Nemesis.KILL, Nemesis.BRIDGE), Nemesis.parseList(" kill , bridge"));
        assertEquals(List.of(Nemesis.ISOLATE_LEADER, Nemesis.PARTITION_HALVES, Nemesis.MAJORITIES_RING, Nemesis.MINORITY_THIRD,
                Nemesis.BRIDGE, Nemesis.ONE_WAY), Nemesis.parseList("partitions"));
        assertEquals(List.of(Nemesis.values()), Nemesis.parseList("all"));
        assertEquals(List.of(Nemesis.TWIN, Nemesis.ISOLATE_LEADER, Nemesis.PARTITION_HALVES, Nemesis.MAJORITIES_RING,
                Nemesis.MINORITY_THIRD, Nemesis.BRIDGE, Nemesis.ONE_WAY), Nemesis.parseList("twin,partitions,bridge"));
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Nemesis.parseList("kill,partiton"));
        assertTrue(e.getMessage().contains("'partiton'"), e.getMessage());
        assertTrue(e.getMessage().contains("isolate-leader") && e.getMessage().contains("partitions")
                && e.getMessage().contains("all"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Nemesis.parseList(""));
        assertThrows(IllegalArgumentException.class, () -> Nemesis.parseList("kill,"));
    }
}
