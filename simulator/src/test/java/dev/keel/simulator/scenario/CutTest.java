package dev.keel.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Each partition shape has the property its name promises, for every n from 4 to 10. */
class CutTest {
    private static Cut cut(Nemesis shape, int n, int leader, long seed) {
        return Cut.of(shape, n, leader % n, new SplittableRandom(seed));
    }

    /** Whom {@code v} reaches, itself included. */
    private static Set<Integer> reach(Cut c, int v) {
        Set<Integer> out = new HashSet<>();
        IntStream.range(0, c.validators()).filter(w -> !c.isBlocked(v, w)).forEach(out::add);
        return out;
    }

    private static boolean symmetric(Cut c) {
        int n = c.validators();
        return IntStream.range(0, n).allMatch(a -> IntStream.range(0, n).allMatch(b -> c.isBlocked(a, b) == c.isBlocked(b, a)));
    }

    /** Groups of mutually reachable validators, for cuts that are disjoint groups. */
    private static List<Set<Integer>> groups(Cut c) {
        List<Set<Integer>> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int v = 0; v < c.validators(); v++) {
            if (seen.addAll(reach(c, v))) {
                out.add(reach(c, v));
            }
        }
        return out;
    }

    @Property
    void isolateLeaderCutsTheLeaderOffBothWays(@ForAll @IntRange(min = 4, max = 10) int n, @ForAll @IntRange(max = 99) int leader,
                                               @ForAll long seed) {
        Cut c = cut(Nemesis.ISOLATE_LEADER, n, leader, seed);
        int l = leader % n;
        assertEquals(Set.of(l), reach(c, l), c.description());
        for (int v = 0; v < n; v++) {
            if (v != l) {
                assertTrue(c.isBlocked(v, l) && c.isBlocked(l, v));
                assertEquals(n - 1, reach(c, v).size(), "the others still reach each other");
            }
        }
        assertTrue(c.description().startsWith("isolate-leader [" + l + "] | ["), c.description());
    }

    @Property
    void halvesAreTwoNonEmptyGroupsWithNoCrossLinks(@ForAll @IntRange(min = 4, max = 10) int n, @ForAll long seed) {
        Cut c = cut(Nemesis.PARTITION_HALVES, n, 0, seed);
        List<Set<Integer>> g = groups(c);
        assertEquals(2, g.size(), c.description());
        assertEquals(n / 2, Math.min(g.get(0).size(), g.get(1).size()));
        assertTrue(symmetric(c));
        for (int a : g.get(0)) {
            for (int b : g.get(1)) {
                assertTrue(c.isBlocked(a, b) && c.isBlocked(b, a));
            }
        }
    }

    @Property
    void majoritiesRingGivesEveryoneADifferentMajority(@ForAll @IntRange(min = 4, max = 10) int n, @ForAll long seed) {
        Cut c = cut(Nemesis.MAJORITIES_RING, n, 0, seed);
        Set<Set<Integer>> majorities = new HashSet<>();
        for (int v = 0; v < n; v++) {
            Set<Integer> r = reach(c, v);
            assertTrue(r.contains(v) && r.size() > n / 2, v + " reaches " + r + " in " + c.description());
            majorities.add(r);
        }
        assertTrue(majorities.size() > 1, "all majorities equal: " + c.description());
        assertTrue(symmetric(c));
    }

    @Property
    void minorityThirdIsAtMostAThirdAndAlone(@ForAll @IntRange(min = 4, max = 10) int n, @ForAll long seed) {
        Cut c = cut(Nemesis.MINORITY_THIRD, n, 0, seed);
        List<Set<Integer>> g = groups(c);
        assertEquals(2, g.size(), c.description());
        int minority = Math.min(g.get(0).size(), g.get(1).size());
        assertTrue(minority >= 1 && minority <= Math.max(1, n / 3), c.description());
        assertTrue(symmetric(c));
    }

    @Property
    void bridgeReachesBothSidesWhichDoNotReachEachOther(@ForAll @IntRange(min = 4, max = 10) int n, @ForAll long seed) {
        Cut c = cut(Nemesis.BRIDGE, n, 0, seed);
        List<Integer> bridges = IntStream.range(0, n).filter(v -> reach(c, v).size() == n).boxed().toList();
        assertEquals(1, bridges.size(), c.description());
        int bridge = bridges.get(0);
        IntStream.range(0, n).forEach(v -> assertFalse(c.isBlocked(v, bridge), "everyone reaches the bridge"));
        Set<Integer> left = new HashSet<>(reach(c, bridge == 0 ? 1 : 0));
        left.remove(bridge);
        Set<Integer> right = new HashSet<>(IntStream.range(0, n).boxed().toList());
        right.removeAll(left);
        right.remove(bridge);
        assertFalse(left.isEmpty() || right.isEmpty(), c.description());
        for (int a : left) {
            for (int b : right) {
                assertTrue(c.isBlocked(a, b) && c.isBlocked(b, a), a + "-" + b + " in " + c.description());
            }
        }
    }

    @Property
    void oneWayDropsOneDirectionOnly(@ForAll @IntRange(min = 4, max = 10) int n, @ForAll long seed) {
        Cut c = cut(Nemesis.ONE_WAY, n, 0, seed);
        int blockedLinks = 0;
        Set<Integer> senders = new HashSet<>();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (c.isBlocked(a, b)) {
                    assertFalse(c.isBlocked(b, a), a + "<->" + b + " both blocked in " + c.description());
                    blockedLinks++;
                    senders.add(a);
                }
            }
        }
        assertTrue(blockedLinks > 0);
        assertTrue(senders.size() * 2 < n, "the muted side is a minority: " + c.description());
    }

    @Property
    void sameSeedAndWindowSameCut(@ForAll long seed, @ForAll @IntRange(max = 20) int index) {
        Scenario s = Scenario.fromFlags("d", 7, List.of(Nemesis.BRIDGE), 600, seed);
        FaultWindow w = new FaultWindow(index, Nemesis.PARTITION_HALVES, 1, 2, Target.RANDOM);
        for (Nemesis shape : Nemesis.values()) {
            if (shape.isPartition()) {
                assertEquals(Cut.of(shape, 7, 3, Cut.randomFor(s, w)), Cut.of(shape, 7, 3, Cut.randomFor(s, w)));
            }
        }
    }

    @Test
    void otherWindowsAndSeedsDrawOtherSides() {
        Scenario s = Scenario.fromFlags("d", 10, List.of(Nemesis.BRIDGE), 600, 1);
        Scenario t = Scenario.fromFlags("d", 10, List.of(Nemesis.BRIDGE), 600, 2);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            FaultWindow w = new FaultWindow(i, Nemesis.PARTITION_HALVES, 1, 2, Target.RANDOM);
            seen.add(Cut.of(Nemesis.PARTITION_HALVES, 10, 0, Cut.randomFor(s, w)).description());
            seen.add(Cut.of(Nemesis.PARTITION_HALVES, 10, 0, Cut.randomFor(t, w)).description());
        }
        assertTrue(seen.size() > 10, "20 draws gave only " + seen);
        FaultWindow w0 = s.windows().get(0);
        assertNotEquals(Cut.randomFor(s, w0).nextLong(), Cut.randomFor(t, w0).nextLong());
    }

    @Test
    void descriptionsNameTheSides() {
        Cut c = Cut.of(Nemesis.PARTITION_HALVES, 5, 0, new SplittableRandom(1));
        assertTrue(c.description().matches("partition-halves \\[\\d \\d\\] \\| \\[\\d \\d \\d\\]"), c.description());
        assertTrue(Cut.of(Nemesis.ONE_WAY, 5, 0, new SplittableRandom(1)).description().matches("one-way \\[\\d \\d\\] -/-> \\[\\d \\d \\d\\]"));
        assertTrue(Cut.of(Nemesis.BRIDGE, 5, 0, new SplittableRandom(1)).description().matches("bridge \\[\\d \\d\\] \\| \\d \\| \\[\\d \\d\\]"));
    }

    @Test
    void aCutIsAValue() {
        Cut c = Cut.of(Nemesis.BRIDGE, 5, 0, new SplittableRandom(1));
        boolean[][] b = c.blocked();
        b[0][1] = !b[0][1];
        assertEquals(c, new Cut(c.description(), c.blocked()));
        assertNotEquals(c, new Cut(c.description(), b));
        assertThrows(IllegalArgumentException.class, () -> new Cut("self", new boolean[][] {{true}}));
        assertThrows(IllegalArgumentException.class, () -> Cut.of(Nemesis.KILL, 5, 0, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> Cut.of(Nemesis.ISOLATE_LEADER, 5, 5, new SplittableRandom(1)));
    }
}
